using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Timestamping;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>
/// Long-term validity: the time-stamp, not today's date, decides whether a signature was made in time.
/// </summary>
public sealed class ExpiredSignerTests
{
    private const string Member = "MD/GOV/1000000000001";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SignatureWhoseCertificateHasSinceExpired_StillVerifies_WhenStampedWhileValid()
    {
        var verification = await StampAndVerifyAsync(stampedAt: T0.AddMinutes(10));

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(1, verification.StampedRecords);
    }

    [Fact]
    public async Task SignatureTimeStampedOnlyAfterItsCertificateExpired_DoesNotVerify()
    {
        var verification = await StampAndVerifyAsync(stampedAt: T0.AddHours(2));

        Assert.False(verification.IsValid);
        Assert.Contains("not valid at the time-stamped time", verification.Failure!.Check, StringComparison.Ordinal);
    }

    private static async Task<StampVerification> StampAndVerifyAsync(DateTimeOffset stampedAt)
    {
        var ca = CertificateFactory.CreateAuthority("CN=Expiry CA", T0.AddDays(-10), T0.AddYears(5));
        var authority = CertificateFactory.CreateSigning(ca, "CN=Authority", T0.AddDays(-10), T0.AddYears(1));
        var tsa = CertificateFactory.CreateTimestamping(ca, "CN=TSA", T0.AddDays(-10), T0.AddYears(1));

        // The member's signing certificate is valid for one hour either side of T0 only.
        var signing = CertificateFactory.CreateSigning(ca, "CN=Short-lived signer", T0.AddHours(-1), T0.AddHours(1));
        var federation = Federation(ca, authority, tsa, signing);
        var folder = Directory.CreateTempSubdirectory("exgw-expiry-").FullName;
        try
        {
            await using var log = SqliteMessageLog.Open(Path.Combine(folder, "messagelog.db"));
            var logged = await log.AppendAsync(SignedRecord(signing)).WaitAsync(TimeSpan.FromSeconds(30));
            var (root, nodes) = MerkleTree.Nodes([logged.Hash]);
            var query = TimestampQuery.Create(root);
            var answer = new TimestampAuthority(tsa, TimestampAuthorityServer.DefaultPolicy,
                new FakeTimeProvider(stampedAt)).Answer(query.Encoded);
            var token = query.ProcessReply(answer.Reply, federation);
            Assert.True(token.IsValid, token.ToString());
            log.SaveStamp(new LogStamp(1, 1, 1, root, token.Token!.Token, "test", token.Token.Time), nodes);

            return StampVerifier.Verify(log, federation);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static MessageRecord SignedRecord(X509Certificate2 signing)
    {
        var envelope = EnvelopeCodec.Encode(new Envelope
        {
            Kind = EnvelopeKind.Request,
            MessageId = "expiry-1",
            Client = Member + "/caller",
            Service = Member + "/registry:testing.v1.Echo",
            Method = "Say",
            CreatedAt = T0,
            PayloadDigest = SHA256.HashData([]),
            MetadataDigest = MetadataDigest.Compute([]),
        });
        return new MessageRecord
        {
            MessageId = "expiry-1",
            Side = LogSide.Consumer,
            Direction = EnvelopeKind.Request,
            Client = Member + "/caller",
            Service = Member + "/registry:testing.v1.Echo",
            Method = "Say",
            PayloadDigest = SHA256.HashData([]),
            Envelope = envelope,
            Signature = new MessageSigner(signing).Sign(envelope),
            LoggedAt = T0,
            Outcome = "OK",
        };
    }

    private static FederationConfiguration Federation(
        X509Certificate2 ca, X509Certificate2 authority, X509Certificate2 tsa, X509Certificate2 signing)
    {
        var document = new FederationDocument
        {
            Instance = "MD",
            Serial = 1,
            IssuedAt = T0.AddDays(-1),
            ExpiresAt = T0.AddYears(1),
            CertificateAuthorities = [ca.ExportCertificatePem()],
            Members =
            [
                new MemberEntry
                {
                    Id = Member, Name = "Alpha", Subsystems = ["caller", "registry"],
                    SigningCertificates = [Fingerprint.Of(signing)],
                },
            ],
            TimestampingAuthorities =
            [
                new TimestampingAuthorityEntry
                {
                    Name = "test", Url = "http://127.0.0.1:9/", Certificates = [Fingerprint.Of(tsa)],
                },
            ],
        };
        var bytes = FederationConfigurationWriter.Serialise(document);
        var signature = FederationConfigurationWriter.Sign(bytes, new MessageSigner(authority));
        Assert.True(FederationConfigurationReader.TryRead(bytes, signature, [authority], T0, out var federation,
            out var errors), string.Join("; ", errors));
        return federation;
    }
}
