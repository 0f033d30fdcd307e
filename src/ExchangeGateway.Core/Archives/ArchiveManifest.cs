namespace ExchangeGateway.Core.Archives;

/// <summary>
/// An archive's table of contents (<c>manifest.json</c>), signed by the gateway's member in
/// <c>manifest.json.p7s</c>: which records it holds, the digest of every file in it, and the archive before it.
/// </summary>
public sealed record ArchiveManifest
{
    /// <summary>The format this code writes and reads.</summary>
    public const string CurrentFormat = "exchangegateway-archive/1";

    /// <summary>The format name and version, <see cref="CurrentFormat"/>.</summary>
    public required string Format { get; init; }

    /// <summary>The gateway whose log this is.</summary>
    public required string Gateway { get; init; }

    /// <summary>The member that runs the gateway and signs the manifest.</summary>
    public required string Member { get; init; }

    /// <summary>The archive's number in the gateway's chain of archives, from 1.</summary>
    public required long Number { get; init; }

    /// <summary>The first record held.</summary>
    public required long FirstSequence { get; init; }

    /// <summary>The last record held.</summary>
    public required long LastSequence { get; init; }

    /// <summary>How many records are held (the last less the first, plus one).</summary>
    public required long Records { get; init; }

    /// <summary>How many of them carry their payload.</summary>
    public required long Payloads { get; init; }

    /// <summary>How many time-stamp tokens cover them.</summary>
    public required long Stamps { get; init; }

    /// <summary>When the first record was logged.</summary>
    public required DateTimeOffset FirstLoggedAt { get; init; }

    /// <summary>When the last record was logged.</summary>
    public required DateTimeOffset LastLoggedAt { get; init; }

    /// <summary>The previous-hash of the first record (hex): the last record hash of the archive before.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>The hash of the last record (hex).</summary>
    public required string LastHash { get; init; }

    /// <summary>
    /// The archive before this one; null only for the first archive of a log, which starts at record 1.
    /// </summary>
    public ArchiveLink? Previous { get; init; }

    /// <summary>When the archive was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The SHA-256 (hex) of every file in the archive but the manifest, its signature and the payloads
    /// (each payload's digest is in its record).</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }
}

/// <summary>The link to the archive before: its file name and the SHA-256 of the whole file (hex).</summary>
/// <param name="Name">The file name.</param>
/// <param name="Sha256">The digest of the file.</param>
public sealed record ArchiveLink(string Name, string Sha256);
