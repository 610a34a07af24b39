"""Sources of the attack corpus and the hand label of every candidate kept.

Each entry: slug (file name), id, sourceGroup (independence group: author/org/upstream), kind, license (if the
repository states one), and labels: candidate key -> primary class, or "hn" (benign hard negative: a clean tool of an
attack repository whose wording resembles attacks). Keys are tried in order "path::name::line", "path::name", "name",
"#index" (index in the staged candidate list). Candidates not listed are left out (plain clean tools, harness code).
Order matters: on duplicates the earlier source keeps the record.
"""

SOURCES = [
    {
        "slug": "beejak-vulnerable-mcp-server", "id": "repo:beejak/Vulnerable-MCP-Server", "sourceGroup": "beejak",
        "kind": "repo-code", "server": "Vulnerable-MCP-Server (CTF lab)",
        "labels": {
            "analyze_code": "invisible-characters",
            "security_scan": "hidden-instructions",
            "log_analytics": "exfiltration",
            "vulnerabilities/tool_shadowing.py::send_email": "shadowing",
            "search_and_summarise": "sensitive-target",
            "get_admin_config": "hn", "initialize_server": "hn", "get_env_var": "hn", "forward_report": "hn",
        },
    },
    {
        "slug": "samsoncyber-mcp-poison", "id": "repo:SamsonCyber/mcp-poison", "sourceGroup": "SamsonCyber",
        "kind": "repo-code", "license": "MIT", "server": "mcp-poison scanner test fixtures",
        "labels": {
            "fixtures/t1_description_poison.json::add": "sensitive-target",
            "sqrt": "coercion",
            "random_trivia": "shadowing",
            "add_numbers": "carrier-parameter",
            "convert_currency": "ansi-escapes",
            "tests/mock_mcp_server.py::add": "sensitive-target",
        },
    },
    {
        "slug": "aganita-mcp-ctf", "id": "repo:aganita/mcp-ctf-challenge", "sourceGroup": "aganita",
        "kind": "repo-code", "server": "MCP CTF challenge",
        "labels": {"help_system": "hidden-instructions", "read_file": "hn", "debug_info": "hn", "get_secret": "hn"},
    },
    {
        "slug": "gensecaihq-mcp-poisoning-poc", "id": "repo:gensecaihq/mcp-poisoning-poc", "sourceGroup": "gensecaihq",
        "kind": "repo-code", "license": "MIT", "server": "GenSecAI MCP poisoning PoC",
        "labels": {"#0": "hidden-instructions", "#1": "hidden-instructions", "#2": "hidden-instructions",
                   "#3": "hidden-instructions"},
    },
    {
        "slug": "beejak-mcp-sentinel", "id": "repo:beejak/mcp-sentinel", "sourceGroup": "beejak",
        "kind": "repo-code", "server": "mcp-sentinel scanner examples and test fixtures",
        "labels": {
            "#9": "prompt-injection", "#10": "exfiltration", "#12": "sensitive-target", "#13": "sensitive-target",
            "#14": "coercion", "#90": "prompt-injection", "#91": "invisible-characters", "#92": "hidden-instructions",
            "#109": "exfiltration", "#135": "prompt-injection", "#142": "exfiltration", "#168": "prompt-injection",
            "#183": "exfiltration", "#209": "prompt-injection",
        },
    },
    {
        "slug": "webr0ck-mcp-security-platform", "id": "repo:webr0ck/mcp-security-platform", "sourceGroup": "webr0ck",
        "kind": "repo-code", "server": "mcp-security-platform red-team sandbox and tests",
        "labels": {"#145": "hidden-instructions", "#167": "exfiltration", "#168": "exfiltration",
                   "#124": "hn", "#127": "hn", "#89": "hn"},
    },
    {
        "slug": "warlyjr-cloud-mcp-security-lab", "id": "repo:warlyjr-cloud/mcp-security-lab",
        "sourceGroup": "warlyjr-cloud", "kind": "repo-code", "server": "mcp-security-lab fixtures",
        "labels": {"#3": "prompt-injection", "#6": "coercion", "#15": "prompt-injection", "#22": "prompt-injection",
                   "#27": "concealment"},
    },
    {
        "slug": "athenatheowl-mcp-security-lab", "id": "repo:AthenaTheOwl/mcp-security-lab",
        "sourceGroup": "AthenaTheOwl", "kind": "repo-code", "server": "mcp-security-lab examples",
        "labels": {"#4": "prompt-injection", "#17": "prompt-injection", "#24": "prompt-injection"},
    },
    {
        "slug": "wapiti08-mcp-attack-suite", "id": "repo:Wapiti08/mcp-attack-suite", "sourceGroup": "MCP-Security",
        "kind": "repo-code", "server": "mcp-attack-suite arena challenges and pitfall lab",
        "note": "shares the ETHPriceServer and puppet-attack servers of MCP-Security/MCP-Artifact, so it is held out with that group",
        "labels": {"#6": "hidden-instructions", "#20": "exfiltration", "#31": "concealment", "#32": "concealment",
                   "#37": "exfiltration", "#49": "exfiltration", "#54": "exfiltration", "#63": "exfiltration",
                   "#75": "exfiltration", "#80": "exfiltration"},
    },
    {
        "slug": "pi-2r-devoxx-mcp-poisoning", "cand": "pi-2r-devoxxfr2026-workshop-jailbreak-prompt-injection-mcp-poisoning",
        "id": "repo:pi-2r/devoxxfr2026-workshop-jailbreak-prompt-injection-mcp-poisoning", "sourceGroup": "pi-2r",
        "kind": "repo-code", "server": "Devoxx FR 2026 workshop MCP servers",
        "labels": {"#8": "carrier-parameter", "#11": "shadowing", "#9": "hn", "#6": "hn"},
    },
    {
        "slug": "nmeisenzahl-hijack-agentic-ai", "id": "repo:nmeisenzahl/hijack-agentic-ai", "sourceGroup": "nmeisenzahl",
        "kind": "repo-code", "server": "hijack-agentic-ai demo 2 weather MCP",
        "labels": {"#0": "carrier-parameter"},
    },
    {
        "slug": "robbarto2-mcp-tool-poisoning", "cand": "robbarto2-mcp_tool_poisoning", "id": "repo:robbarto2/MCP_Tool_Poisoning",
        "sourceGroup": "robbarto2", "kind": "repo-code", "server": "MCP_Tool_Poisoning demo",
        "labels": {"#0": "hidden-instructions"},
    },
    {
        "slug": "aminrj-labs-mcp-attack-labs", "id": "repo:aminrj-labs/mcp-attack-labs", "sourceGroup": "aminrj-labs",
        "kind": "repo-code", "server": "mcp-attack-labs",
        "note": "labs/01 'add' tool left out: recognisably adapted from a reserved evaluation repository's demo",
        "labels": {"#6": "hn"},
    },
    {
        "slug": "rafsan-huseynov-evil-mcp-lab", "id": "repo:rafsan-huseynov/evil-mcp-lab", "sourceGroup": "rafsan-huseynov",
        "kind": "repo-code", "server": "evil-mcp-lab",
        "labels": {"#0": "exfiltration", "#5": "sensitive-target", "#6": "hidden-instructions", "#7": "shadowing",
                   "#3": "hn"},
    },
    {
        "slug": "anthonyg-1-mcp-goat", "id": "repo:anthonyg-1/mcp-goat", "sourceGroup": "anthonyg-1",
        "kind": "repo-code", "server": "mcp-goat (vulnerable and remediated servers)",
        "labels": {"#3": "exfiltration", "#4": "prompt-injection", "#2": "hn"},
    },
    {
        "slug": "matteocolazilli-malicious-mcp-server", "id": "repo:matteocolazilli/malicious-mcp-server",
        "sourceGroup": "matteocolazilli", "kind": "repo-code", "server": "malicious-mcp-server",
        "labels": {"#0": "hidden-instructions"},
    },
    {
        "slug": "gabsilva17-malicious-mcp", "id": "repo:gabsilva17/malicious-mcp", "sourceGroup": "gabsilva17",
        "kind": "repo-code", "server": "malicious-mcp",
        "labels": {"#0": "prompt-injection"},
    },
    {
        "slug": "promptfoo-evil-mcp-server", "id": "repo:promptfoo/evil-mcp-server", "sourceGroup": "promptfoo",
        "kind": "repo-code", "server": "promptfoo evil-mcp-server",
        "labels": {"#0": "coercion"},
    },
    {
        "slug": "mb-workspace-mcp-tool-poisoning-defense", "id": "repo:MB-Workspace/mcp-tool-poisoning-defense",
        "sourceGroup": "MB-Workspace", "kind": "repo-code", "server": "malicious_mcp_server demo",
        "labels": {"#0": "sensitive-target", "#1": "carrier-parameter"},
    },
    {
        "slug": "sarveshchandak-mcp-server-tool-poisoning", "id": "repo:SarveshChandak/MCP-Server-Tool-Poisoning",
        "sourceGroup": "SarveshChandak", "kind": "repo-code", "license": "MIT", "server": "tool_poisoning demo",
        "note": "'subtract' matches a reserved-repository marker and is dropped",
        "labels": {"#0": "prompt-injection", "#1": "sensitive-target"},
    },
    {
        "slug": "hello-urvesh-mcp-attack-def3nd", "id": "repo:hello-urvesh/mcp-attack-def3nd", "sourceGroup": "hello-urvesh",
        "kind": "repo-code", "server": "mcp-attack-def3nd secured lab",
        "labels": {"#26": "hn"},
    },
    {
        "slug": "charanpanchagnula-mcp-scanner-benchmark", "id": "repo:charanpanchagnula/mcp-scanner-benchmark",
        "sourceGroup": "charanpanchagnula", "kind": "repo-code", "server": "scanner benchmark golden vulnerable server",
        "labels": {"#0": "hidden-instructions", "#1": "prompt-injection"},
    },
    {
        "slug": "cisecsl-mcp-tool-poisoning-poc", "id": "repo:CISECSL/mcp-tool-poisoning-poc", "sourceGroup": "CISECSL",
        "kind": "repo-code", "server": "evil-mcp-server (tool poisoning PoC)",
        "method": "read through the file index (payloads.py @12b6fdd, server.py @ea4fa6d), constants resolved statically; labels by hand",
        "labels": {"#0": "shadowing", "#1": "exfiltration", "#2": "hn"},
    },
    {
        "slug": "hem1700-mcp-tool-poisoning-scanner", "id": "repo:Hem1700/mcp-tool-poisoning-scanner",
        "sourceGroup": "Hem1700", "kind": "repo-code", "server": "tool-scan detector test fixtures",
        "method": "read through the file index; each _tool(description) fixture is a get_weather definition; labels by hand",
        "labels": {"#0": "concealment", "#1": "sensitive-target", "#2": "concealment", "#3": "hidden-instructions",
                   "#4": "hn", "#5": "hn"},
    },
    {
        "slug": "ogulcanaydogan-mcp-security-scanner", "id": "repo:ogulcanaydogan/mcp-security-scanner",
        "sourceGroup": "ogulcanaydogan", "kind": "repo-code", "server": "mcp-security-scanner analyzer test fixtures",
        "labels": {"#6": "prompt-injection", "#33": "prompt-injection", "#34": "prompt-injection", "#35": "prompt-injection",
                   "#37": "prompt-injection", "#43": "prompt-injection", "#48": "prompt-injection"},
    },
    {
        "slug": "usablemachines-mcp-security-scanner", "id": "repo:UsableMachines/mcp-security-scanner",
        "sourceGroup": "UsableMachines", "kind": "repo-code", "server": "bad_mcp malicious server (scanner fixture)",
        "labels": {"#0": "hidden-instructions", "#1": "sensitive-target", "#2": "concealment", "#4": "hidden-instructions",
                   "#5": "sensitive-target", "#6": "concealment"},
    },
    {
        "slug": "hailbytes-mcp-security-scanner", "id": "repo:HailBytes/mcp-security-scanner", "sourceGroup": "HailBytes",
        "kind": "repo-code", "server": "mcp-security-scanner examples and tests",
        "labels": {"#2": "prompt-injection", "#4": "prompt-injection", "#5": "prompt-injection"},
    },
    {
        "slug": "sidhpurwala-huzaifa-mcp-security-scanner", "id": "repo:sidhpurwala-huzaifa/mcp-security-scanner",
        "sourceGroup": "sidhpurwala-huzaifa", "kind": "repo-code", "server": "insecure_mcp_server and tests",
        "note": "the two 'weather' variants match a reserved-repository marker and are dropped",
        "labels": {"#3": "hidden-instructions", "#8": "exfiltration", "#21": "sensitive-target"},
    },
    {
        "slug": "badchars-mcp-security-scanner", "id": "repo:badchars/mcp-security-scanner", "sourceGroup": "badchars",
        "kind": "repo-code", "server": "mcp-security-scanner (its own MCP tools: security-feature documentation)",
        "labels": {"#124": "hn", "#126": "hn", "#129": "hn", "#114": "hn", "#119": "hn", "#2": "hn"},
    },
    {
        "slug": "mcp-security-mcp-artifact", "id": "repo:MCP-Security/MCP-Artifact", "sourceGroup": "MCP-Security",
        "kind": "paper", "server": "MCP security study artifact (RQ1-RQ3 attack servers)",
        "note": "research artifact; RQ2 weather variant matches a reserved-repository marker and is dropped",
        "labels": {"#0": "hidden-instructions", "#167": "sensitive-target", "#275": "shadowing", "#276": "shadowing",
                   "#279": "prompt-injection", "#282": "hidden-instructions"},
    },
    {
        "slug": "ookini-kawaii-mcp-security-scanner", "id": "repo:ookini-kawaii/mcp-security-scanner",
        "sourceGroup": "ookini-kawaii", "kind": "repo-code", "server": "mcp-security-scanner test cases",
        "note": "test cases built on the 'sidenote' pattern of a reserved repository's demo are left out",
        "labels": {"#5": "sensitive-target"},
    },
    {
        "slug": "mattschaller-eslint-plugin-mcp-security", "id": "repo:mattschaller/eslint-plugin-mcp-security",
        "sourceGroup": "mattschaller", "kind": "repo-code", "server": "eslint-plugin-mcp-security example bad server",
        "labels": {"#0": "sensitive-target"},
    },
    {
        "slug": "jaschadub-agentnull", "id": "repo:jaschadub/AgentNull", "sourceGroup": "jaschadub",
        "kind": "repo-code", "server": "AgentNull attack PoCs (full-schema poisoning, rug pull, schema validation bypass)",
        "labels": {"#0": "carrier-parameter", "#1": "sensitive-target", "#2": "sensitive-target", "#3": "sensitive-target",
                   "#4": "sensitive-target", "#7": "sensitive-target", "#9": "sensitive-target", "#11": "sensitive-target",
                   "#13": "sensitive-target", "#15": "sensitive-target", "#16": "sensitive-target", "#17": "sensitive-target"},
    },
    {
        "slug": "triepod-ai-mcp-vulnerable-testbed", "cand": "triepod-ai-mcp_vulnerable_testbed",
        "id": "repo:triepod-ai/mcp_vulnerable_testbed", "sourceGroup": "triepod-ai", "kind": "repo-code",
        "server": "MCP vulnerable testbed (vulnerable and hardened servers)",
        "labels": {"#46": "hidden-instructions", "#47": "hidden-instructions", "#48": "hidden-instructions",
                   "#82": "hidden-instructions", "#2": "hn", "#25": "hn", "#32": "hn", "#73": "hn", "#75": "hn"},
    },
    {
        "slug": "enkryptai-secure-mcp-gateway", "id": "repo:enkryptai/secure-mcp-gateway", "sourceGroup": "enkryptai",
        "kind": "repo-code", "license": "Apache-2.0", "server": "secure-mcp-gateway bad_mcps test servers",
        "labels": {"#36": "coercion", "#37": "coercion", "#38": "coercion", "#39": "coercion", "#40": "coercion",
                   "#41": "coercion", "#42": "coercion", "#43": "coercion", "#44": "coercion",
                   "#53": "prompt-injection", "#54": "prompt-injection", "#55": "prompt-injection",
                   "#56": "prompt-injection", "#57": "hidden-instructions", "#92": "hidden-instructions",
                   "#93": "prompt-injection", "#95": "prompt-injection", "#96": "hidden-instructions",
                   "#98": "hidden-instructions", "#28": "hn", "#30": "hn", "#59": "hn"},
    },
    {
        "slug": "shruti-datta-gupta-mcp-ctf", "id": "repo:shruti-datta-gupta/mcp-ctf", "sourceGroup": "shruti-datta-gupta",
        "kind": "repo-code", "server": "MCP security challenges (CTF)",
        "labels": {"#12": "coercion", "#0": "hn", "#4": "hn", "#8": "hn", "#20": "hn", "#21": "hn"},
    },
    {
        "slug": "falc0n007-mcp-sec-bench", "id": "repo:falc0n007/mcp-sec-bench", "sourceGroup": "falc0n007",
        "kind": "benchmark", "server": "mcp-sec-bench corpus (tools/list of all 15 corpus servers)",
        "method": "read through the file index: tools copied verbatim from the committed whole-corpus tools/list snapshot; labels by hand (c0x servers are the benchmark's clean controls)",
        "labels": {"summarize_document": "prompt-injection", "route_alert": "shadowing", "send_notification": "hn",
                   "run_smoke_check": "hn", "setup_example": "hn", "workspace_settings": "hn", "read_note": "hn"},
    },
    {
        "slug": "tristanhausermannpernet-mcp-hacking", "id": "repo:tristanhausermannpernet/mcp-hacking",
        "sourceGroup": "tristanhausermannpernet", "kind": "repo-code", "server": "mcp-hacking (poisoning, shadowing, baiting)",
        "note": "the poisoning and shadowing servers reuse a reserved repository's demo text and are dropped",
        "labels": {"tool-baiting-attack/baiting-server.py::add_numbers_secure": "coercion",
                   "tool-poisoning-attack/poisoning-server.py::add_numbers": "sensitive-target",
                   "tool-shadowing-attack/poisoning-server.py::add_numbers": "shadowing"},
    },
    {
        "slug": "mcptox-via-xp4u1", "id": "benchmark:MCPTox (via xp4u1/mcp_security_tool_benchmark)", "sourceGroup": "MCPTox",
        "kind": "benchmark", "server": "MCPTox benchmark poisoned tools (45 real-world servers)",
        "url": "upstream: zhiqiangwang4/MCPTox-Benchmark (response_all.json); copied into xp4u1/mcp_security_tool_benchmark data/dataset.json",
        "method": "tools the benchmark flags malicious, description split from its rendered 'Arguments:' block; primary class by the fixed rule in scripts/corpus/attacks/from_benchmark_dataset.py (benchmark category kept as origin.sourceCategory); near-duplicates dropped",
        "note": "one research benchmark = one independence group; its many template-built variants are one source for leave-one-source-out",
        "labels": {"*": "auto"},
    },
    {
        "slug": "mcp-safetybench-via-xp4u1", "id": "benchmark:MCP-SafetyBench (via xp4u1/mcp_security_tool_benchmark)",
        "sourceGroup": "MCP-SafetyBench", "kind": "benchmark",
        "server": "MCP-SafetyBench poisoned tools (github, google-maps, google_search, YFinance, playwright)",
        "method": "tools the benchmark flags malicious except 'Function Return Injection' (clean description); primary class by the fixed rule in scripts/corpus/attacks/from_benchmark_dataset.py (benchmark category kept as origin.sourceCategory)",
        "labels": {"*": "auto"},
    },
    {
        "slug": "mcp-shark-mcpsec", "id": "repo:mcp-shark/MCPSec", "sourceGroup": "mcp-shark", "kind": "repo-code",
        "server": "MCPSec scanner (its own MCP tools) and tool-scanner test fixtures",
        "labels": {"#29": "prompt-injection", "#30": "coercion", "#33": "invisible-characters", "#35": "exfiltration",
                   "#37": "hidden-instructions", "#0": "hn", "#4": "hn", "#13": "hn"},
    },
]
