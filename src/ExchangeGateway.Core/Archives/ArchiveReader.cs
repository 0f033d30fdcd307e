using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Core.Archives;

/// <summary>
/// Reads the records of an archive file as they are, streaming, without verifying them (that is
/// <see cref="ArchiveVerifier"/>'s job): for reports over records that have left the database.
/// </summary>
public static class ArchiveReader
{
    /// <summary>The records of <paramref name="path"/> whose subject hash is <paramref name="subjectHash"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable archive.</exception>
    public static IEnumerable<LoggedRecord> ReadBySubject(string path, byte[] subjectHash)
    {
        ArgumentNullException.ThrowIfNull(subjectHash);
        var hex = Convert.ToHexStringLower(subjectHash);
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(ArchiveWriter.RecordsName)
            ?? throw new InvalidDataException($"{path} holds no {ArchiveWriter.RecordsName}");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            // Most lines are about someone else: look for the hash before parsing.
            if (!text.Contains(hex, StringComparison.Ordinal))
            {
                continue;
            }

            RecordLine? line;
            try
            {
                line = JsonSerializer.Deserialize<RecordLine>(text, ArchiveJson.Lines);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: a malformed record line: {ex.Message}", ex);
            }

            if (line?.SubjectHash == hex)
            {
                yield return line.ToLogged();
            }
        }
    }
}
