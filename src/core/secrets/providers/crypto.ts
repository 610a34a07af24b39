import { alnum, hex, letters, uuid } from '../sampleText';
import type { SecretPattern } from '../types';

/** Names that hold a wallet's signing key: `PRIVATE_KEY`, `WALLET_PRIVATE_KEY`, `SOLANA_SECRET_KEY`, `ETH_PK`. */
const WALLET_KEY_NAME = /(^|_)(private_?key|priv_?key|secret_?key|signer_?key|wallet_?key|pk)$|wallet|solana|keypair|mnemonic|seed_?phrase/i;

/** Blockchain RPC providers put the project's API key in the URL path, and wallets' raw private keys. */
export const CRYPTO_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'infura-project-key',
    provider: 'Infura',
    description: 'Infura API key',
    regex: /infura\.io\/(?:v3|ws\/v3)\/([0-9a-f]{32})/,
    keywords: ['infura.io/'],
    secretGroup: 1,
    samples: {
      match: ['https://mainnet.infura.io/v3/' + hex(32), 'wss://sepolia.infura.io/ws/v3/' + hex(32)],
      noMatch: ['https://mainnet.infura.io/v3/YOUR_PROJECT_ID', 'https://mainnet.infura.io/v3/<key>'],
    },
  },
  {
    id: 'alchemy-api-key',
    provider: 'Alchemy',
    description: 'Alchemy API key',
    regex: /alchemy(?:api)?\.(?:com|io)\/(?:v2|nft\/v[23])\/([A-Za-z0-9_-]{32})/,
    keywords: ['alchemy'],
    secretGroup: 1,
    samples: {
      match: ['https://eth-mainnet.g.alchemy.com/v2/' + alnum(32)],
      noMatch: ['https://eth-mainnet.g.alchemy.com/v2/your-api-key', 'https://eth-mainnet.g.alchemy.com/v2/demo'],
    },
  },
  {
    id: 'quicknode-endpoint-token',
    provider: 'QuickNode',
    description: 'QuickNode endpoint token',
    regex: /\.quiknode\.pro\/([0-9a-f]{40})(?![0-9A-Za-z])/,
    keywords: ['quiknode.pro/'],
    secretGroup: 1,
    bounded: false,
    samples: { match: ['https://x.solana-mainnet.quiknode.pro/' + hex(40) + '/'], noMatch: ['https://x.quiknode.pro/YOUR_TOKEN/'] },
  },
  {
    id: 'ankr-api-key',
    provider: 'Ankr',
    description: 'Ankr RPC API key',
    regex: /rpc\.ankr\.com\/[a-z0-9_]{2,30}\/([0-9a-f]{64})/,
    keywords: ['rpc.ankr.com/'],
    secretGroup: 1,
    samples: { match: ['https://rpc.ankr.com/eth/' + hex(64)], noMatch: ['https://rpc.ankr.com/eth', 'https://rpc.ankr.com/eth/{key}'] },
  },
  {
    id: 'helius-api-key',
    provider: 'Helius',
    description: 'Helius API key',
    regex: /helius-rpc\.com\/?\?api-key=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/,
    keywords: ['helius-rpc.com'],
    secretGroup: 1,
    samples: { match: ['https://mainnet.helius-rpc.com/?api-key=' + uuid()], noMatch: ['https://mainnet.helius-rpc.com/?api-key=YOUR_KEY'] },
  },
  {
    id: 'wallet-private-key-hex',
    provider: 'Wallet',
    description: 'wallet private key (32-byte hex)',
    regex: /(?:0x)?[0-9a-fA-F]{64}/,
    keywords: [],
    keyName: WALLET_KEY_NAME,
    samples: {
      match: [
        { key: 'PRIVATE_KEY', value: '0x' + hex(64) },
        { key: 'WALLET_PRIVATE_KEY', value: hex(64) },
        { key: 'DEPLOYER_PRIVATE_KEY', value: hex(64) },
      ],
      noMatch: [
        { key: 'PRIVATE_KEY', value: '0x' + '0'.repeat(64) },
        { key: 'API_KEY', value: hex(64) },
        { key: 'PRIVATE_KEY', value: 'your-private-key' },
      ],
    },
  },
  {
    id: 'wallet-private-key-base58',
    provider: 'Wallet',
    description: 'wallet private key (base58)',
    regex: /[1-9A-HJ-NP-Za-km-z]{86,90}|[5KL][1-9A-HJ-NP-Za-km-z]{50,51}/,
    keywords: [],
    keyName: WALLET_KEY_NAME,
    samples: {
      match: [
        { key: 'SOLANA_PRIVATE_KEY', value: letters(88) },
        { key: 'WALLET_KEY', value: 'K' + letters(51) },
      ],
      noMatch: [
        { key: 'SOLANA_PRIVATE_KEY', value: 'your-base58-private-key' },
        { key: 'SOLANA_RPC_URL', value: letters(88) },
      ],
    },
  },
];
