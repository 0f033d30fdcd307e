namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// The check every auditor's command makes before it opens a message log: the file exists and is an SQLite
/// database. Nothing here creates a file: a mistyped path is an error, not an empty log.
/// </summary>
internal static class LogFile
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// <summary>Null when <paramref name="path"/> may be a message log; otherwise the line to print.</summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path))
        {
            return $"{path}: no such message log";
        }

        try
        {
            using var file = File.OpenRead(path);
            Span<byte> start = stackalloc byte[16];
            return file.ReadAtLeast(start, 16, throwOnEndOfStream: false) == 16 && start.SequenceEqual(Header)
                ? null
                : $"{path}: not a message log (not an SQLite database)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{path}: cannot be read: {ex.Message}";
        }
    }
}
