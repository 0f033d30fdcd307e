namespace ExchangeGateway.Core.Archives;

/// <summary>The <c>VERIFY.txt</c> of an archive: what each file is and how standard tools check it.</summary>
internal static class VerifyText
{
    public static string Render(string gateway) => $"""
        Message log archive of gateway {gateway}

        exgw verify ARCHIVE.zip... --anchor ANCHOR.pem checks everything below at once, offline. By hand, after unzip:

        manifest.json          records held, the SHA-256 of every other file, the link to the archive before
                               (the SHA-256 of that whole file). Signed by the gateway's member:
                                 openssl cms -verify -binary -inform DER -in manifest.json.p7s \
                                   -content manifest.json -CAfile certificates.pem -purpose any -out /dev/null
        federation.json        the federation configuration in force, signed by the governing authority:
                                 openssl cms -verify -binary -inform DER -in federation.json.p7s \
                                   -content federation.json -CAfile ANCHOR.pem -partial_chain -purpose any \
                                   -out /dev/null
        certificates.pem       the federation's certificate authorities (also listed in federation.json)
        stamps/ID.tsr          RFC 3161 time-stamp tokens (DER); stamps.jsonl gives each token's Merkle root:
                                 openssl ts -verify -token_in -in stamps/ID.tsr -digest ROOT -CAfile certificates.pem
        stamps.jsonl           per token: the records it covers, its root (RFC 9162 tree over their hashes)
        records.jsonl          one record a line: the fields that enter its hash (DER, see RecordHash), the
                               hash of the record before, its envelope, CMS signature and batch proof (base64
                               DER), its stamp and the proof from its hash to that stamp's root
        payloads/SEQUENCE.bin  a record's payload, where body logging was on (its SHA-256 is payloadDigest)

        """;
}
