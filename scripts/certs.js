// Dev certificates for https://localhost:3000, kept in ~/.office-addin-dev-certs/.
// Only generates files; installing the CA in a trust store is left to the user,
// because that needs admin rights (and sudo, which this may not have).
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CA_PATH = path.join(CERT_DIR, "ca.crt");
const CERT_PATH = path.join(CERT_DIR, "localhost.crt");
const KEY_PATH = path.join(CERT_DIR, "localhost.key");
const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns why the certificate files cannot be used, or null when they are fine. */
function problemWithCertificates(minValidMs = DAY_MS) {
  const missing = [CA_PATH, CERT_PATH, KEY_PATH].filter((p) => !fs.existsSync(p));
  if (missing.length > 0) return `missing ${missing.map((p) => path.basename(p)).join(", ")}`;
  try {
    const ca = new crypto.X509Certificate(fs.readFileSync(CA_PATH));
    const cert = new crypto.X509Certificate(fs.readFileSync(CERT_PATH));
    const key = crypto.createPrivateKey(fs.readFileSync(KEY_PATH));
    const now = Date.now();
    for (const [name, c] of [
      ["ca.crt", ca],
      ["localhost.crt", cert],
    ]) {
      if (Date.parse(c.validFrom) > now) return `${name} is not valid yet`;
      if (Date.parse(c.validTo) - now < minValidMs) return `${name} expires ${c.validTo}`;
    }
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return "localhost.crt was not signed by ca.crt";
    if (!cert.checkPrivateKey(key)) return "localhost.key does not match localhost.crt";
    if (!cert.checkHost("localhost")) return "localhost.crt is not valid for localhost";
  } catch (err) {
    return `unreadable certificate files (${err.message})`;
  }
  return null;
}

/**
 * Makes sure valid dev certificates exist (generating them when missing, expired or
 * inconsistent) and returns them as buffers for an https server.
 * @returns {Promise<{key: Buffer, cert: Buffer, ca: Buffer}>}
 */
async function ensureCertificates({ log = console.log } = {}) {
  const problem = problemWithCertificates();
  if (problem) {
    log(`Dev certificates in ${CERT_DIR}: ${problem}; generating new ones.`);
    try {
      // generateCertificates writes nothing while ca.crt exists, so stale files go first.
      for (const p of [CA_PATH, CERT_PATH, KEY_PATH]) fs.rmSync(p, { force: true });
      const { generateCertificates } = require("office-addin-dev-certs");
      await generateCertificates(CA_PATH, CERT_PATH, KEY_PATH);
    } catch (err) {
      throw new Error(`Could not generate dev certificates in ${CERT_DIR}: ${err.message}`, { cause: err });
    }
    const after = problemWithCertificates();
    if (after) throw new Error(`Generated dev certificates in ${CERT_DIR} are unusable: ${after}`);
    log(`New CA: ${CA_PATH}. Trust it in your browser (or OS) to load the add-in without warnings.`);
  }
  return {
    key: fs.readFileSync(KEY_PATH),
    cert: fs.readFileSync(CERT_PATH),
    ca: fs.readFileSync(CA_PATH),
  };
}

module.exports = { ensureCertificates, problemWithCertificates, CERT_DIR, CA_PATH, CERT_PATH, KEY_PATH };

if (require.main === module) {
  ensureCertificates().then(
    () => console.log(`Dev certificates are ready in ${CERT_DIR}`),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
