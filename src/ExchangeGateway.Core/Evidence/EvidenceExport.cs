using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Evidence;

/// <summary>
/// Writes the evidence of one message as standard files, so that a third party can check it with OpenSSL and a
/// few lines of arithmetic: the signed data, the CMS signature (DER, <c>.p7s</c>), the inclusion proofs, the RFC 3161
/// token (DER) and the certificates (PEM), with a VERIFY.txt that says which command checks which file.
/// </summary>
public static class EvidenceExport
{
    /// <summary>Writes every record of <paramref name="messageId"/> found in <paramref name="log"/>.</summary>
    /// <returns>The files written; empty when the log has no record of the message.</returns>
    public static IReadOnlyList<string> Write(
        IMessageLog log, string messageId, SignedFederation federation, string directory)
    {
        ArgumentNullException.ThrowIfNull(log);
        var records = log.Read().Where(r => r.Record.MessageId == messageId)
            .Select(r => new StampedRecord(r, log.StampOf(r.Sequence)))
            .ToList();
        return Write(records, messageId, federation, directory);
    }

    /// <summary>
    /// Writes <paramref name="records"/>, the records of <paramref name="messageId"/> with their stamps, as the
    /// audit API returns them, checked against the CAs of <paramref name="federation"/>. The configuration is
    /// written too, as its authority signed it, and VERIFY.txt starts by checking it against the anchor: that ties
    /// <c>ca.pem</c> to the one certificate a third party trusts.
    /// </summary>
    /// <returns>The files written; empty when there are no records.</returns>
    public static IReadOnlyList<string> Write(
        IReadOnlyList<StampedRecord> records, string messageId, SignedFederation federation, string directory)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(federation);
        if (records.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(directory);
        var files = new List<string>();
        var verify = new StringBuilder();
        Say(verify, $"Evidence of message {messageId}");
        verify.AppendLine("All commands run in this folder. Hashes are SHA-256; proofs follow RFC 9162 2.1.3.2.");
        verify.AppendLine();
        files.Add(WriteBytes(directory, "federation.json", federation.Document));
        files.Add(WriteBytes(directory, "federation.json.p7s", federation.Signature));
        verify.AppendLine("== the federation configuration, signed by the governing authority, lists the CAs in");
        verify.AppendLine("   ca.pem (its certificateAuthorities); ANCHOR.pem is your own copy of the authority's");
        verify.AppendLine("   certificate, never one from this folder:");
        verify.AppendLine("   openssl cms -verify -binary -inform DER -in federation.json.p7s \\");
        verify.AppendLine("     -content federation.json -CAfile ANCHOR.pem -partial_chain -purpose any \\");
        verify.AppendLine("     -out /dev/null");
        verify.AppendLine();
        var pem = string.Concat(
            federation.Configuration.Authorities.Select(a => a.ExportCertificatePem() + "\n"));
        files.Add(WriteText(directory, "ca.pem", pem));
        foreach (var (logged, stamp) in records)
        {
            var name = $"{logged.Sequence:D6}-{logged.Record.Side}-{logged.Record.Direction}".ToLowerInvariant();
            files.AddRange(WriteRecord(directory, name, logged, stamp, verify));
        }

        files.Add(WriteText(directory, "VERIFY.txt", verify.ToString()));
        return files;
    }

    private static List<string> WriteRecord(
        string directory, string name, LoggedRecord logged, RecordStamp? stamp, StringBuilder verify)
    {
        var record = logged.Record;
        var files = new List<string>
        {
            WriteText(directory, $"{name}.record.txt", Describe(logged, stamp)),
        };
        verify.AppendLine(FormattableString.Invariant(
            $"== record {logged.Sequence}: {record.Side} {record.Direction}, outcome {record.Outcome}"));
        if (record.Envelope is not null && record.Signature is not null)
        {
            files.AddRange(WriteSignature(directory, name, record, verify));
        }
        else
        {
            verify.AppendLine("   not signed (a refusal or a failure recorded by this gateway alone).");
        }

        if (stamp is not null)
        {
            files.AddRange(WriteStamp(directory, name, logged, stamp, verify));
        }
        else
        {
            verify.AppendLine("   not yet time-stamped.");
        }

        verify.AppendLine();
        return files;
    }

    private static List<string> WriteSignature(
        string directory, string name, MessageRecord record, StringBuilder verify)
    {
        var files = new List<string>
        {
            WriteBytes(directory, $"{name}.envelope.der", record.Envelope!),
            WriteBytes(directory, $"{name}.signature.p7s", record.Signature!),
        };
        var envelopeHash = SHA256.HashData(record.Envelope!);
        var content = record.Envelope!;
        if (record.Proof is not null && InclusionProof.TryDecode(record.Proof, out var proof)
            && proof.RootFor(envelopeHash) is { } root)
        {
            content = SignedBatch.Content(root, proof.Size);
            files.Add(WriteBytes(directory, $"{name}.proof.der", record.Proof));
            files.Add(WriteText(directory, $"{name}.proof.txt", DescribeProof(proof, envelopeHash, root)));
            var leaf = Convert.ToHexStringLower(envelopeHash);
            Say(verify, $"1. the leaf: openssl dgst -sha256 {name}.envelope.der (expect {leaf})");
            Say(verify, $"2. {name}.proof.txt leads from that leaf to the root inside {name}.signed.der");
            verify.AppendLine("   (its steps are written out there, each checkable with perl and openssl)");
            verify.AppendLine("   (SEQUENCE { version 1, size, root }: openssl asn1parse -inform DER -in FILE)");
        }

        files.Add(WriteBytes(directory, $"{name}.signed.der", content));
        var signer = SignerOf(record.Signature!);
        if (signer is not null)
        {
            files.Add(WriteText(directory, $"{name}.signer.pem", signer.ExportCertificatePem() + "\n"));
        }

        verify.AppendLine("3. the member's signature:");
        Say(verify, $"   openssl cms -verify -binary -inform DER -in {name}.signature.p7s \\");
        Say(verify, $"     -content {name}.signed.der -CAfile ca.pem -purpose any -out /dev/null");
        if (signer is not null && SignerMember(record) is { } member)
        {
            // Any member's certificate chains to the CA: the signer must be the one member's that sends this.
            Say(verify, $"   openssl x509 -in {name}.signer.pem -noout -fingerprint -sha256");
            Say(verify, $"   gives a SHA-256 that (lower case, without colons) is one of {member}'s");
            verify.AppendLine("   signingCertificates in federation.json");
        }

        return files;
    }

    /// <summary>The member whose signature a record must carry: the client's for a request, the provider's (the
    /// service's) for a response; null when the identifier does not read.</summary>
    private static string? SignerMember(MessageRecord record) => record.Direction == EnvelopeKind.Request
        ? SubsystemId.TryParse(record.Client, out var client, out _) ? client.Member.ToString() : null
        : ServiceId.TryParse(record.Service, out var service, out _) ? service.Subsystem.Member.ToString() : null;

    private static List<string> WriteStamp(
        string directory, string name, LoggedRecord logged, RecordStamp stamp, StringBuilder verify)
    {
        var files = new List<string>
        {
            WriteBytes(directory, $"{name}.timestamp.der", stamp.Stamp.Token),
            WriteBytes(directory, $"{name}.timestamp-proof.der", stamp.Proof),
        };
        if (InclusionProof.TryDecode(stamp.Proof, out var proof))
        {
            files.Add(WriteText(directory, $"{name}.timestamp-proof.txt",
                DescribeProof(proof, logged.Hash, stamp.Stamp.Root)));
        }

        var tsa = SignerOf(stamp.Stamp.Token);
        if (tsa is not null)
        {
            files.Add(WriteText(directory, $"{name}.tsa.pem", tsa.ExportCertificatePem() + "\n"));
        }

        var root = Convert.ToHexStringLower(stamp.Stamp.Root);
        Say(verify, $"4. the record hash in {name}.record.txt leads by {name}.timestamp-proof.txt to the root");
        verify.AppendLine("   (its steps are written out there, each checkable with perl and openssl)");
        Say(verify, $"   {root}, which the time-stamp token covers:");
        Say(verify, $"5. openssl ts -verify -token_in -in {name}.timestamp.der -digest {root} \\");
        Say(verify, $"     -CAfile ca.pem -untrusted {name}.tsa.pem");
        Say(verify, $"   It prints \"Verification: OK\". A warning that the TSA's certificate \"is not a CA cert\" is");
        Say(verify, $"   expected: that file is the token's signer, not an authority, and the check still passes.");
        return files;
    }

    private static string Describe(LoggedRecord logged, RecordStamp? stamp)
    {
        var r = logged.Record;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"sequence:       {logged.Sequence}");
        text.AppendLine(CultureInfo.InvariantCulture, $"message id:     {r.MessageId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"side:           {r.Side}");
        text.AppendLine(CultureInfo.InvariantCulture, $"direction:      {r.Direction}");
        text.AppendLine(CultureInfo.InvariantCulture, $"client:         {r.Client}");
        text.AppendLine(CultureInfo.InvariantCulture, $"service:        {r.Service}");
        text.AppendLine(CultureInfo.InvariantCulture, $"method:         {r.Method}");
        text.AppendLine(CultureInfo.InvariantCulture, $"user id:        {r.UserId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"issue:          {r.Issue}");
        text.AppendLine(CultureInfo.InvariantCulture, $"logged at:      {r.LoggedAt:O}");
        text.AppendLine(CultureInfo.InvariantCulture, $"outcome:        {r.Outcome}");
        text.AppendLine(CultureInfo.InvariantCulture, $"payload digest: {Convert.ToHexStringLower(r.PayloadDigest)}");
        var previous = Convert.ToHexStringLower(logged.PreviousHash);
        text.AppendLine(CultureInfo.InvariantCulture, $"previous hash:  {previous}");
        text.AppendLine(CultureInfo.InvariantCulture, $"record hash:    {Convert.ToHexStringLower(logged.Hash)}");
        if (stamp is not null)
        {
            var s = stamp.Stamp;
            text.AppendLine(FormattableString.Invariant($"time-stamped:   {s.Time:O} by {s.Authority}"));
            text.AppendLine(FormattableString.Invariant(
                $"stamp:          {s.Id}, over records {s.FirstSequence}-{s.LastSequence}"));
        }

        return text.ToString();
    }

    private static string DescribeProof(InclusionProof proof, byte[] leaf, byte[] root)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"leaf:  {Convert.ToHexStringLower(leaf)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"index: {proof.Index}");
        text.AppendLine(CultureInfo.InvariantCulture, $"size:  {proof.Size}");
        foreach (var (hash, i) in proof.Path.Select((h, i) => (h, i)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"path[{i}]: {Convert.ToHexStringLower(hash)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"root:  {Convert.ToHexStringLower(root)}");
        text.AppendLine();
        text.AppendLine("Steps (RFC 9162 section 2.1.3.2); the last r must equal root:");
        var r = MerkleTree.LeafHash(leaf);
        text.AppendLine(CultureInfo.InvariantCulture, $"r = SHA-256(0x00 || leaf) = {Convert.ToHexStringLower(r)}");
        var sides = MerkleTree.SiblingsOnTheLeft(proof.Index, proof.Size, proof.Path.Count) ?? [];
        foreach (var (left, i) in sides.Select((l, i) => (l, i)))
        {
            var p = proof.Path[i];
            r = left ? MerkleTree.NodeHash(p, r) : MerkleTree.NodeHash(r, p);
            var order = left ? $"path[{i}] || r" : $"r || path[{i}]";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"r = SHA-256(0x01 || {order}) = {Convert.ToHexStringLower(r)}");
        }

        text.AppendLine();
        text.AppendLine("Each step by hand, with the hex values above in place of the names (perl and openssl):");
        text.AppendLine("  perl -e 'print pack(\"H*\", \"00\" . \"LEAF\")' | openssl dgst -sha256");
        text.AppendLine("  perl -e 'print pack(\"H*\", \"01\" . \"LEFT\" . \"RIGHT\")' | openssl dgst -sha256");
        return text.ToString();
    }

    private static void Say(StringBuilder text, FormattableString line) =>
        text.AppendLine(FormattableString.Invariant(line));

    private static X509Certificate2? SignerOf(byte[] cms)
    {
        try
        {
            var signed = new SignedCms();
            signed.Decode(cms);
            return signed.SignerInfos.Count == 1 ? signed.SignerInfos[0].Certificate : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string WriteBytes(string directory, string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string WriteText(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
