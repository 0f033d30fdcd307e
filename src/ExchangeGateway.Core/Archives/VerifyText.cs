namespace ExchangeGateway.Core.Archives;

/// <summary>The <c>VERIFY.txt</c> of an archive: what each file is and how standard tools check it, starting from
/// the one file the trust anchor vouches for.</summary>
internal static class VerifyText
{
    public static string Render(string gateway) => $"""
        Message log archive of gateway {gateway}

        exgw verify ARCHIVE.zip... --anchor ANCHOR.pem checks everything below at once, offline. By hand, after unzip,
        start from federation.json: ANCHOR.pem (the governing authority's certificate, taken from outside this
        archive) vouches for it and for nothing else here, so every other file is tied to it.

        federation.json        the federation configuration in force, signed by the governing authority:
                                 openssl cms -verify -binary -inform DER -in federation.json.p7s \
                                   -content federation.json -CAfile ANCHOR.pem -partial_chain -purpose any \
                                   -out /dev/null
        certificates.pem       the federation's certificate authorities: the same PEM text as the
                               certificateAuthorities of federation.json (compare them: a CA listed only here
                               vouches for nothing)
        manifest.json          records held, the SHA-256 of every other file, the link to the archive before
                               (the SHA-256 of that whole file). Signed by the gateway's member:
                                 openssl cms -verify -binary -inform DER -in manifest.json.p7s \
                                   -content manifest.json -CAfile certificates.pem -purpose any -out /dev/null \
                                   -signer signer.pem
                                 openssl x509 -in signer.pem -noout -fingerprint -sha256
                               that SHA-256 (lower case, without colons) is one of the member's
                               signingCertificates in federation.json
        stamps/ID.tsr          RFC 3161 time-stamp tokens (DER); stamps.jsonl gives each token's Merkle root:
                                 openssl ts -verify -token_in -in stamps/ID.tsr -digest ROOT -CAfile certificates.pem
                                 openssl pkcs7 -inform DER -in stamps/ID.tsr -print_certs -out tsa.pem
                                 openssl x509 -in tsa.pem -noout -fingerprint -sha256
                               that SHA-256 is one of the certificates of federation.json's
                               timestampingAuthorities
        stamps.jsonl           per token: the records it covers, its root (RFC 9162 tree over their hashes)
        records.jsonl          one record a line: the fields that enter its hash (DER, see RecordHash), the
                               hash of the record before, its envelope, CMS signature and batch proof (base64
                               DER), its stamp and the proof from its hash to that stamp's root
        payloads/SEQUENCE.bin  a record's payload, where body logging was on (its SHA-256 is payloadDigest)

        """;
}
