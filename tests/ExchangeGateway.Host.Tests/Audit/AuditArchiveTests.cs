using System.Security.Cryptography;
using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Tests.Support;
using Grpc.Core;
using AuditClient = ExchangeGateway.Host.Audit.V1.Audit.AuditClient;

namespace ExchangeGateway.Host.Tests.Audit;

public sealed class AuditArchiveTests : IClassFixture<AuditFixture>
{
    private const int Chunk = 64 * 1024;

    private readonly AuditFixture _fixture;
    private readonly byte[] _archive = RandomNumberGenerator.GetBytes((3 * Chunk) + 123);

    public AuditArchiveTests(AuditFixture fixture)
    {
        _fixture = fixture;
        var folder = fixture.Federation.Consumer.Options.Archiving.Directory;
        Directory.CreateDirectory(Path.Combine(folder, "folder.zip"));
        File.WriteAllBytes(Path.Combine(folder, "2026-01.zip"), _archive);
        File.WriteAllBytes(Path.Combine(folder, "b.zip"), [1, 2, 3]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an archive");
        File.WriteAllText(Path.Combine(fixture.Federation.Directory, "alpha", "outside.zip"), "outside");
    }

    private AuditClient Client => _fixture.Federation.AuditClient(_fixture.Federation.Consumer);

    [Fact]
    public async Task ListArchives_GivesTheZipFilesOfTheArchiveFolder_WithSizes()
    {
        var list = await Client.ListArchivesAsync(new ListArchivesRequest(), Observer())
            .ResponseAsync.WaitAsync(Errors.Timeout);

        Assert.Equal(["2026-01.zip", "b.zip"], list.Archives.Select(a => a.Name));
        Assert.Equal([_archive.Length, 3L], list.Archives.Select(a => a.Size));
        var modified = File.GetLastWriteTimeUtc(
            Path.Combine(_fixture.Federation.Consumer.Options.Archiving.Directory, "b.zip"));
        Assert.Equal(modified, list.Archives[1].ModifiedAt.ToDateTime());
    }

    [Fact]
    public async Task ListArchives_WithoutArchiveFolder_IsEmpty()
    {
        var list = await _fixture.Federation.AuditClient(_fixture.Federation.Provider)
            .ListArchivesAsync(new ListArchivesRequest(), Observer()).ResponseAsync.WaitAsync(Errors.Timeout);

        Assert.Empty(list.Archives);
    }

    [Fact]
    public async Task GetArchive_StreamsTheFile_In64KiBChunks()
    {
        var chunks = await DownloadAsync("2026-01.zip");

        Assert.Equal(_archive, chunks.SelectMany(c => c).ToArray());
        Assert.Equal(4, chunks.Count);
        Assert.All(chunks[..^1], c => Assert.Equal(Chunk, c.Length));
        Assert.Equal(123, chunks[^1].Length);
    }

    [Theory]
    [InlineData("../outside.zip")]
    [InlineData("..")]
    [InlineData("..zip")]
    [InlineData("sub/b.zip")]
    [InlineData("sub\\b.zip")]
    [InlineData("/etc/passwd")]
    [InlineData("notes.txt")]
    [InlineData("b.ZIP")]
    [InlineData("b.zip\n")]
    [InlineData("")]
    public async Task GetArchive_WithABadName_IsInvalidArgument_BadArchiveName(string name)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(name));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("BAD_ARCHIVE_NAME", Errors.Reason(ex));
    }

    [Theory]
    [InlineData("missing.zip")]
    [InlineData("folder.zip")]
    public async Task GetArchive_OfAMissingFile_IsNotFound_ArchiveNotFound(string name)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => DownloadAsync(name));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("ARCHIVE_NOT_FOUND", Errors.Reason(ex));
    }

    private Metadata Observer() => AuditCallers.Bearer(_fixture.Callers.Observer);

    private async Task<List<byte[]>> DownloadAsync(string name)
    {
        using var timeout = new CancellationTokenSource(Errors.Timeout);
        using var call = Client.GetArchive(new GetArchiveRequest { Name = name },
            AuditCallers.Bearer(_fixture.Callers.Auditor), cancellationToken: timeout.Token);
        var chunks = new List<byte[]>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(timeout.Token))
        {
            chunks.Add(chunk.Data.ToByteArray());
        }

        return chunks;
    }
}
