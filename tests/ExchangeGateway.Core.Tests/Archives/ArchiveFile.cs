using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace ExchangeGateway.Core.Tests.Archives;

/// <summary>Rewrites an archive's entries as a forger with the file but not the member's key could.</summary>
internal static class ArchiveFile
{
    public static void Edit(string path, string entry, Func<byte[], byte[]> change)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var zip = ZipFile.OpenRead(path))
        {
            foreach (var e in zip.Entries)
            {
                using var stream = e.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries.Add((e.FullName, e.FullName == entry ? change(copy.ToArray()) : copy.ToArray()));
            }
        }

        Assert.Contains(entries, e => e.Name == entry);
        File.Delete(path);
        using var output = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = output.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    /// <summary>Edits the lines of <c>records.jsonl</c> as JSON objects.</summary>
    public static void EditRecords(string path, Action<List<JsonObject>> change) =>
        Edit(path, "records.jsonl", bytes =>
        {
            var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            change(lines);
            return Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.ToJsonString() + "\n")));
        });

    /// <summary>Flips one byte of <paramref name="entry"/>'s compressed data in the file itself, as a bad disk or a
    /// broken copy would: the ZIP's own CRC-32 of it no longer matches.</summary>
    public static void Damage(string path, string entry)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        for (var at = 0; at + 30 + name.Length < bytes.Length; at++)
        {
            // A local file header: its signature, then the name at offset 30 after two lengths at 26 and 28.
            if (BitConverter.ToUInt32(bytes, at) == 0x04034b50 && BitConverter.ToUInt16(bytes, at + 26) == name.Length
                && bytes.AsSpan(at + 30, name.Length).SequenceEqual(name))
            {
                var data = at + 30 + name.Length + BitConverter.ToUInt16(bytes, at + 28);
                bytes[data + (BitConverter.ToInt32(bytes, at + 18) / 2)] ^= 0x10;
                File.WriteAllBytes(path, bytes);
                return;
            }
        }

        Assert.Fail($"{path} has no local header for {entry}");
    }

    public static byte[] Read(string path, string entry)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static IReadOnlyList<string> Names(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}
