using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Archives;

/// <summary>What one archive is written from: a run of whole stamps of one log, and what proves them.</summary>
internal sealed record ArchiveContent
{
    public required string Gateway { get; init; }

    public required string Member { get; init; }

    public required long Number { get; init; }

    public required ArchiveLink? Previous { get; init; }

    /// <summary>The stamps, in order; the records are exactly the ones they cover.</summary>
    public required IReadOnlyList<LogStamp> Stamps { get; init; }

    /// <summary>Reads the records (without payloads), each time it is called, in order.</summary>
    public required Func<IEnumerable<(LoggedRecord Logged, bool HasPayload, long StampId, byte[]? StampProof)>>
        Records { get; init; }

    /// <summary>Opens a record's payload as a stream.</summary>
    public required Func<long, Stream?> OpenPayload { get; init; }

    /// <summary>The signed federation configuration in force (JSON) and its signature (CMS, DER).</summary>
    public required (byte[] Document, byte[] Signature) Federation { get; init; }

    public required X509Certificate2Collection Authorities { get; init; }

    public required MessageSigner Signer { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
