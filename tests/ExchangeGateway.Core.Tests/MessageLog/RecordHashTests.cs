using System.Formats.Asn1;
using System.Security.Cryptography;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.MessageLog;

public sealed class RecordHashTests
{
    private static readonly byte[] Previous = SHA256.HashData("the record before"u8);

    [Fact]
    public void Genesis_Is32ZeroBytes()
    {
        Assert.Equal(new byte[32], RecordHash.Genesis.ToArray());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(1_772_443_815_123_456L)]
    [InlineData(-1_000_000L)]
    public void FromMicros_ToMicros_RoundTrip(long micros)
    {
        Assert.Equal(micros, RecordHash.ToMicros(RecordHash.FromMicros(micros)));
    }

    [Fact]
    public void ToMicros_Time_IsMicrosecondsSinceUnixEpoch()
    {
        Assert.Equal(0, RecordHash.ToMicros(DateTimeOffset.UnixEpoch));
        Assert.Equal(1_772_443_815_123_456, RecordHash.ToMicros(TestTime.Now));
        Assert.Equal(1_772_443_815_123_456, RecordHash.ToMicros(TestTime.Now.AddTicks(9)));
        Assert.Equal(TestTime.Now, RecordHash.FromMicros(1_772_443_815_123_456));
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("signed with payload")]
    [InlineData("signed with proof")]
    public void Compute_Record_MatchesDocumentedDer(string kind)
    {
        var record = kind switch
        {
            "unsigned" => LogRecords.Unsigned("m-1"),
            "signed with payload" => LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning, true),
            _ => LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning) with { Proof = [0x30, 0x00] },
        };

        Assert.Equal(Documented(42, record, Previous), RecordHash.Compute(42, record, Previous));
    }

    [Fact]
    public void Compute_WithSignatureHashes_MatchesDocumentedDer_ForRecordsSharingAndChangingSignatures()
    {
        // One writer for all, as the log's writer keeps one: each record's encoding starts afresh.
        var hashes = new SignatureHashes();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        var first = LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning, true);
        var second = LogRecords.SignedRequest("m-2", TestCertificates.ClientSigning);
        var records = new[]
        {
            first, second, first with { MessageId = "m-3", Signature = first.Signature!.ToArray() },
            LogRecords.Unsigned("m-4"), second with { MessageId = "m-5" },
        };

        foreach (var record in records)
        {
            Assert.Equal(Documented(9, record, Previous), RecordHash.Compute(9, record, hashes, Previous, writer));
        }
    }

    [Fact]
    public void SignatureHashes_GiveEachSignaturesOwnHash_WhateverItShares()
    {
        var hashes = new SignatureHashes();
        var signatures = Enumerable.Range(0, 20).Select(i => RandomNumberGenerator.GetBytes(900)).ToList();

        // Every signature twice over, in separate arrays, more of them than are kept.
        foreach (var signature in signatures.Concat(signatures).Concat(signatures.Select(s => s.ToArray())))
        {
            Assert.Equal(SHA256.HashData(signature), hashes.Of(signature));
        }

        // An array changed after it was hashed is hashed again, not found by its old bytes.
        var changing = RandomNumberGenerator.GetBytes(900);
        Assert.Equal(SHA256.HashData(changing), hashes.Of(changing));
        changing[0] ^= 1;
        Assert.Equal(SHA256.HashData(changing), hashes.Of(changing));
        Assert.Empty(hashes.Of(null));
    }

    [Fact]
    public void Compute_SameRecordTwice_GivesSameHash()
    {
        var record = LogRecords.Unsigned("m-1");

        Assert.Equal(RecordHash.Compute(1, record, Previous), RecordHash.Compute(1, record with { }, Previous));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("previousHash")]
    [InlineData("messageId")]
    [InlineData("side")]
    [InlineData("direction")]
    [InlineData("client")]
    [InlineData("service")]
    [InlineData("method")]
    [InlineData("userId")]
    [InlineData("issue")]
    [InlineData("payloadDigest")]
    [InlineData("payload")]
    [InlineData("payload absent")]
    [InlineData("envelope")]
    [InlineData("signature")]
    [InlineData("proof added")]
    [InlineData("loggedAt by one microsecond")]
    [InlineData("outcome")]
    [InlineData("text moved from userId to issue")]
    public void Compute_AnyFieldChanged_ChangesHash(string change)
    {
        var record = LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning, keepPayload: true);
        var before = RecordHash.Compute(7, record, Previous);

        var after = change switch
        {
            "sequence" => RecordHash.Compute(8, record, Previous),
            "previousHash" => RecordHash.Compute(7, record, new byte[32]),
            _ => RecordHash.Compute(7, Change(record, change), Previous),
        };

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Compute_SubMicrosecondTicks_DoNotChangeHash()
    {
        var record = LogRecords.Unsigned("m-1");

        Assert.Equal(
            RecordHash.Compute(1, record, Previous),
            RecordHash.Compute(1, record with { LoggedAt = record.LoggedAt.AddTicks(9) }, Previous));
    }

    private static MessageRecord Change(MessageRecord record, string change) => change switch
    {
        "messageId" => record with { MessageId = "m-2" },
        "side" => record with { Side = LogSide.Provider },
        "direction" => record with { Direction = EnvelopeKind.Response },
        "client" => record with { Client = TestFederation.ClientMember + "/visa-desk" },
        "service" => record with { Service = TestFederation.Service + "V2" },
        "method" => record with { Method = "ListPermits" },
        "userId" => record with { UserId = record.UserId + "0" },
        "issue" => record with { Issue = "" },
        "payloadDigest" => record with { PayloadDigest = new byte[32] },
        "payload" => record with { Payload = [.. record.Payload!, 0] },
        "payload absent" => record with { Payload = null },
        "envelope" => record with { Envelope = [.. record.Envelope!, 0] },
        "signature" => record with { Signature = [.. record.Signature!, 0] },
        "proof added" => record with { Proof = [0x30, 0x00] },
        "loggedAt by one microsecond" => record with { LoggedAt = record.LoggedAt.AddTicks(10) },
        "outcome" => record with { Outcome = "UNAVAILABLE PROVIDER_DOWN" },
        "text moved from userId to issue" => record with { UserId = "", Issue = record.UserId + record.Issue },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private static byte[] HashOrEmpty(byte[]? bytes) => bytes is null ? [] : SHA256.HashData(bytes);

    /// <summary>The record layout documented on <see cref="RecordHash"/>, written independently.</summary>
    private static byte[] Documented(long sequence, MessageRecord record, byte[] previous)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(sequence);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.MessageId);
            writer.WriteInteger((int)record.Side);
            writer.WriteInteger((int)record.Direction);
            foreach (var text in new[] { record.Client, record.Service, record.Method, record.UserId, record.Issue })
            {
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, text);
            }

            writer.WriteOctetString(record.SubjectHash ?? []);
            writer.WriteOctetString(record.PayloadDigest);
            writer.WriteOctetString(HashOrEmpty(record.Payload));
            writer.WriteOctetString(HashOrEmpty(record.Envelope));
            writer.WriteOctetString(HashOrEmpty(record.Signature));
            writer.WriteOctetString(HashOrEmpty(record.Proof));
            writer.WriteInteger((record.LoggedAt - DateTimeOffset.UnixEpoch).Ticks / 10);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.Outcome);
            writer.WriteOctetString(previous);
        }

        return SHA256.HashData(writer.Encode());
    }
}
