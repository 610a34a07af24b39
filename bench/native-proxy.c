/* The floor of any proxy process: starts the server, then copies bytes both ways with blocking
   read/write in two threads. No parsing, no event loop, no allocation. bench/gateway.ts compiles it
   with the system C compiler when one is present and runs it as the "native proxy" contender. */
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

struct pump { int from, to; };

static void *copy(void *arg) {
  struct pump *p = arg;
  char buf[65536];
  for (;;) {
    ssize_t n = read(p->from, buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = write(p->to, buf + done, (size_t)(n - done));
      if (w <= 0) return NULL;
      done += w;
    }
  }
  close(p->to);
  return NULL;
}

int main(int argc, char **argv) {
  int in[2], out[2];
  if (argc < 2 || pipe(in) || pipe(out)) return 2;
  pid_t child = fork();
  if (child == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[0]); close(in[1]); close(out[0]); close(out[1]);
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  struct pump up = { 0, in[1] }, down = { out[0], 1 };
  pthread_t t1, t2;
  pthread_create(&t1, NULL, copy, &up);
  pthread_create(&t2, NULL, copy, &down);
  pthread_join(t2, NULL);
  int status;
  waitpid(child, &status, 0);
  return 0;
}
