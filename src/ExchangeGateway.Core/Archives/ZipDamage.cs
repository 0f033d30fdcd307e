using System.IO.Compression;
using System.IO.Hashing;

namespace ExchangeGateway.Core.Archives;

/// <summary>
/// Tells damage to an archive file (a bad disk, a broken copy) from a change to what it holds: an entry whose
/// bytes no longer give the CRC-32 the ZIP file records for them, or that no longer decompress. Reading an entry
/// does not check its CRC, so without this the first check its damaged bytes happen to break (a signature, a
/// certificate, a JSON property) would be named instead, and an auditor sent to look in the wrong place.
/// </summary>
internal static class ZipDamage
{
    /// <summary>The first damaged entry of the ZIP file at <paramref name="path"/>, in words; null when every
    /// entry reads whole and matches its CRC-32.</summary>
    public static string? Find(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                var crc = new Crc32();
                try
                {
                    using var stream = entry.Open();
                    crc.Append(stream);
                }
                catch (InvalidDataException ex)
                {
                    return $"{entry.FullName} does not decompress ({ex.Message})";
                }

                var read = crc.GetCurrentHashAsUInt32();
                if (read != entry.Crc32)
                {
                    return $"{entry.FullName} does not match the CRC-32 the ZIP file records for it " +
                        $"(recorded {entry.Crc32:x8}, read {read:x8})";
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return $"its ZIP directory cannot be read ({ex.Message})";
        }
    }

    /// <summary><paramref name="failure"/>, or, when the file at <paramref name="path"/> is damaged, a failure that
    /// says so and gives the check that failed on the damaged bytes only as what was seen first.</summary>
    public static ArchiveFailure Explain(ArchiveFailure failure, string path) =>
        Find(path) is { } damage
            ? new ArchiveFailure(failure.Archive, null, null,
                $"the file is damaged: {damage}; copy it again from where it is kept, for no check of a damaged " +
                $"file can be trusted (the first to fail on it: {Describe(failure)})")
            : failure;

    private static string Describe(ArchiveFailure failure) => failure.Sequence is { } sequence
        ? $"record {sequence}: {failure.Check}"
        : failure.Check;
}
