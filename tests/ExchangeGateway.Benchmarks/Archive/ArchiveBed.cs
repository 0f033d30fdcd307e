using System.Security.Cryptography;
using System.Text;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Subjects;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Timestamping;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Benchmarks.Archive;

/// <summary>
/// A consumer gateway's log built the way the gateway builds it: envelopes, batch signatures of two members,
/// group-committed appends and RFC 3161 tokens from a TSA server on loopback.
/// </summary>
internal sealed class ArchiveBed : IAsyncDisposable
{
    /// <summary>The client subsystem and the service of the benchmark's records.</summary>
    internal const string Client = "MD/GOV/1006601000101/border-control";

    internal const string Service = "MD/GOV/1006601000037/foreigners-registry:migration.v1.ResidencePermits";
    private const int Concurrency = 64;
    private const int StampEvery = 10_000;

    private readonly SqliteMessageLog _log;
    private readonly BatchSigner _consumer;
    private readonly BatchSigner _provider;
    private readonly MessageSigner _consumerSigner;
    private readonly TimestampAuthorityServer _tsa;
    private readonly SignedFederation _federation;
    private readonly SubjectKey _subjects = new(RandomNumberGenerator.GetBytes(32));
    private readonly HttpClient _http = new();

    private ArchiveBed(string directory, SqliteMessageLog log, DevelopmentPki pki, TimestampAuthorityServer tsa,
        SignedFederation federation)
    {
        ArchiveDirectory = Path.Combine(directory, "archives");
        AnchorPath = Path.Combine(pki.Directory, "authority.pem");
        _log = log;
        _consumerSigner = new MessageSigner(pki.Read("police-signing"));
        _consumer = new BatchSigner(_consumerSigner);
        _provider = new BatchSigner(new MessageSigner(pki.Read("migration-signing")));
        _tsa = tsa;
        _federation = federation;
    }

    public string ArchiveDirectory { get; }

    /// <summary>The log.</summary>
    public SqliteMessageLog Log => _log;

    public string AnchorPath { get; }

    public static async Task<ArchiveBed> CreateAsync(string directory, ILoggerFactory loggers)
    {
        var pki = DevelopmentPki.Ensure(Path.Combine(directory, "pki"), ["police", "migration"], TimeProvider.System);
        var tsa = await TimestampAuthorityServer.StartAsync(pki.TimestampingAuthority, 0, TimeProvider.System, loggers)
            .ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var document = new FederationDocument
        {
            Instance = "MD",
            Serial = 1,
            IssuedAt = now.AddMinutes(-5),
            ExpiresAt = now.AddDays(1),
            CertificateAuthorities = [pki.Authority.ExportCertificatePem()],
            Members =
            [
                Member("MD/GOV/1006601000101", "border-control", pki.Read("police-signing")),
                Member("MD/GOV/1006601000037", "foreigners-registry", pki.Read("migration-signing")),
            ],
            Gateways =
            [
                new GatewayEntry
                {
                    Name = "police-gw", Owner = "MD/GOV/1006601000101", Address = "https://127.0.0.1:1",
                    TlsCertificates = [Fingerprint.Of(pki.Read("police-gateway"))],
                },
            ],
            TimestampingAuthorities =
            [
                new TimestampingAuthorityEntry
                {
                    Name = "bench-tsa", Url = tsa.Address.ToString(),
                    Certificates = [Fingerprint.Of(pki.TimestampingAuthority)],
                },
            ],
        };
        var bytes = FederationConfigurationWriter.Serialise(document);
        var signature = FederationConfigurationWriter.Sign(bytes, new MessageSigner(pki.Read("authority")));
        if (!FederationConfigurationReader.TryRead(bytes, signature, [pki.ConfigurationAnchor], now,
                out var configuration, out var errors))
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }

        var log = SqliteMessageLog.Open(Path.Combine(directory, "messagelog.db"));
        return new ArchiveBed(directory, log, pki, tsa, new SignedFederation(bytes, signature, configuration));
    }

    /// <summary>Logs <paramref name="count"/> records: exchanges of a request and its response, stamped every
    /// 10,000 records unless <paramref name="stamp"/> is false.</summary>
    public async Task FillAsync(int count, bool stamp = true)
    {
        var written = 0;
        var sinceStamp = 0;
        while (written < count)
        {
            var exchanges = Math.Min(Concurrency, (count - written + 1) / 2);
            var wave = await Task.WhenAll(Enumerable.Range(written, exchanges).Select(ExchangeAsync))
                .ConfigureAwait(false);
            var records = wave.SelectMany(pair => pair).Take(count - written).ToList();
            await Task.WhenAll(records.Select(_log.AppendAsync)).ConfigureAwait(false);
            written += records.Count;
            sinceStamp += records.Count;
            if (stamp && (sinceStamp >= StampEvery || written == count))
            {
                await StampRoundAsync(int.MaxValue).ConfigureAwait(false);
                sinceStamp = 0;
            }
        }
    }

    /// <summary>The records of <paramref name="exchanges"/> signed exchanges, to append again and again.</summary>
    public async Task<List<MessageRecord>> RecordsAsync(int exchanges) =>
        (await Task.WhenAll(Enumerable.Range(0, exchanges).Select(ExchangeAsync)).ConfigureAwait(false))
        .SelectMany(pair => pair).ToList();

    /// <summary>
    /// Stamps at most <paramref name="max"/> unstamped records as the gateway's time-stamper does, and says how long
    /// each step took; null, stamping nothing, when fewer than <paramref name="min"/> are unstamped.
    /// </summary>
    public async Task<StampRound?> StampRoundAsync(int max, int min = 1)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var records = _log.ReadUnstamped(max);
        if (records.Count < Math.Max(min, 1))
        {
            return null;
        }

        var read = Lap(clock);
        var (root, nodes) = MerkleTree.Nodes(records.Select(r => r.Hash).ToList());
        var tree = Lap(clock);
        var query = TimestampQuery.Create(root);
        using var content = new ByteArrayContent(query.Encoded);
        content.Headers.ContentType = new("application/timestamp-query");
        using var reply = await _http.PostAsync(_tsa.Address, content).ConfigureAwait(false);
        var check = query.ProcessReply(await reply.Content.ReadAsByteArrayAsync().ConfigureAwait(false),
            _federation.Configuration);
        if (!check.IsValid)
        {
            throw new InvalidOperationException($"the TSA's token was refused: {check}");
        }

        var token = check.Token!;
        var stamping = Lap(clock);
        var stamp = new LogStamp(_log.NextStampId(), records[0].Sequence, records[^1].Sequence, root, token.Token,
            token.Authority, token.Time);
        _log.SaveStamp(stamp, nodes);
        return new StampRound(records.Count, read, tree, stamping, Lap(clock));
    }

    public IReadOnlyList<ArchiveEntry> Archive(int records) => new LogArchiver(_log, ArchiveDirectory, "police-gw",
        "MD/GOV/1006601000101", _consumerSigner, () => _federation,
        new ArchivingPolicy { MaxRecords = records }, TimeProvider.System).Archive(closedPeriodsOnly: false);

    public async ValueTask DisposeAsync()
    {
        await _consumer.DisposeAsync().ConfigureAwait(false);
        await _provider.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
        await _tsa.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private static MemberEntry Member(string id, string subsystem, System.Security.Cryptography.X509Certificates.
        X509Certificate2 signing) => new()
    {
        Id = id, Name = id, Subsystems = [subsystem], SigningCertificates = [Fingerprint.Of(signing)],
    };

    private async Task<MessageRecord[]> ExchangeAsync(int index)
    {
        var id = Guid.CreateVersion7().ToString();
        var now = Envelope.Truncate(DateTimeOffset.UtcNow);
        var payload = Encoding.UTF8.GetBytes(
            $"{{\"document\":\"MD{index:D9}\",\"padding\":\"{new string('x', 2000)}\"}}");
        var request = await SignAsync(_consumer, EnvelopeKind.Request, id, now, payload).ConfigureAwait(false);
        var answer = Encoding.UTF8.GetBytes($"{{\"permit\":\"RP-{index:D9}\",\"status\":\"valid\"}}");
        var response = await SignAsync(_provider, EnvelopeKind.Response, id, now, answer).ConfigureAwait(false);
        var subject = _subjects.Hash(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"MD{index % 5000:D9}"));
        return
        [
            Record(LogSide.Consumer, EnvelopeKind.Request, id, now, payload, request, subject, index % 100 == 0),
            Record(LogSide.Consumer, EnvelopeKind.Response, id, now, answer, response, subject, false),
        ];
    }

    /// <summary>An envelope of the benchmark's calls, encoded and signed in <paramref name="signer"/>'s next batch
    /// (<paramref name="now"/> truncated as an envelope keeps it).</summary>
    internal static async Task<(byte[] Envelope, BatchSignature Signature)> SignAsync(
        BatchSigner signer, EnvelopeKind kind, string id, DateTimeOffset now, byte[] payload)
    {
        var envelope = EnvelopeCodec.Encode(new Envelope
        {
            Kind = kind,
            MessageId = id,
            Client = Client,
            Service = Service,
            Method = "GetPermit",
            UserId = "officer-0417",
            Issue = "border-check",
            CreatedAt = now,
            PayloadDigest = SHA256.HashData(payload),
            MetadataDigest = MetadataDigest.Compute([]),
        });
        return (envelope, await signer.SignAsync(SHA256.HashData(envelope)).ConfigureAwait(false));
    }

    /// <summary>A signed record of the benchmark's calls; <paramref name="subject"/> null when it names no
    /// person.</summary>
    internal static MessageRecord Record(LogSide side, EnvelopeKind kind, string id, DateTimeOffset now,
        byte[] payload, (byte[] Envelope, BatchSignature Signature) signed, byte[]? subject, bool keepPayload) => new()
    {
        MessageId = id,
        Side = side,
        Direction = kind,
        Client = Client,
        Service = Service,
        Method = "GetPermit",
        UserId = "officer-0417",
        Issue = "border-check",
        SubjectHash = subject,
        PayloadDigest = SHA256.HashData(payload),
        Payload = keepPayload ? payload : null,
        Envelope = signed.Envelope,
        Signature = signed.Signature.Cms,
        Proof = signed.Signature.Proof.Encode(),
        LoggedAt = now,
        Outcome = "OK",
    };

    private static double Lap(System.Diagnostics.Stopwatch clock)
    {
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return milliseconds;
    }
}

/// <summary>One stamping round's records and the milliseconds of each step.</summary>
internal sealed record StampRound(int Records, double ReadMs, double TreeMs, double TokenMs, double SaveMs);
