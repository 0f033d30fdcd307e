using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Tests.Support;
using Grpc.Core;
using AuditClient = ExchangeGateway.Host.Audit.V1.Audit.AuditClient;

namespace ExchangeGateway.Host.Tests.Audit;

public sealed class AuditAccessTests(AuditFixture fixture) : IClassFixture<AuditFixture>
{
    private TestFederation Federation => fixture.Federation;

    private AuditClient Client => Federation.AuditClient(Federation.Consumer);

    [Fact]
    public async Task Search_WithoutKey_IsUnauthenticated_ApiKeyInvalid()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SearchAsync(new SearchRequest()).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("API_KEY_INVALID", Errors.Reason(ex));
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-key-of-this-gateway")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("AUDITOR-KEY")]
    [InlineData("Basic AUDITOR-KEY")]
    public async Task Search_WithUnknownOrMalformedKey_IsUnauthenticated_ApiKeyInvalid(string authorization)
    {
        var value = authorization.Replace("AUDITOR-KEY", fixture.Callers.Auditor, StringComparison.Ordinal);
        var headers = new Metadata { { "authorization", value } };

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SearchAsync(new SearchRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("API_KEY_INVALID", Errors.Reason(ex));
    }

    [Fact]
    public async Task GetArchive_WithoutKey_IsUnauthenticated_ApiKeyInvalid()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            ReadAllAsync(Client.GetArchive(new GetArchiveRequest { Name = "a.zip" })));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("API_KEY_INVALID", Errors.Reason(ex));
    }

    [Fact]
    public async Task Observer_MayListArchives_AndNothingElse_RoleDenied()
    {
        var observer = AuditCallers.Bearer(fixture.Callers.Observer);

        await Client.ListArchivesAsync(new ListArchivesRequest(), observer).ResponseAsync.WaitAsync(Errors.Timeout);
        var search = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SearchAsync(new SearchRequest(), observer).ResponseAsync.WaitAsync(Errors.Timeout));
        var evidence = await Assert.ThrowsAsync<RpcException>(() => Client.GetEvidenceAsync(
            new GetEvidenceRequest { MessageId = "audit-0" }, observer).ResponseAsync.WaitAsync(Errors.Timeout));
        var archive = await Assert.ThrowsAsync<RpcException>(() =>
            ReadAllAsync(Client.GetArchive(new GetArchiveRequest { Name = "a.zip" }, observer)));

        foreach (var ex in new[] { search, evidence, archive })
        {
            Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
            Assert.Equal("ROLE_DENIED", Errors.Reason(ex));
        }
    }

    [Fact]
    public async Task SecurityOfficer_MaySearchAndFetchEvidence()
    {
        var officer = AuditCallers.Bearer(fixture.Callers.SecurityOfficer);

        var found = await Client.SearchAsync(new SearchRequest { MessageId = "audit-0" }, officer)
            .ResponseAsync.WaitAsync(Errors.Timeout);
        var evidence = await Client.GetEvidenceAsync(new GetEvidenceRequest { MessageId = "audit-0" }, officer)
            .ResponseAsync.WaitAsync(Errors.Timeout);

        Assert.NotEmpty(found.Records);
        Assert.Equal(found.Records.Count, evidence.Records.Count);
    }

    [Fact]
    public async Task AuditCalls_AreLoggedByKeyName_WithoutTheKeyOrTheSubject()
    {
        const string Subject = "AUDIT-LOG-PERSON-77";
        var auditor = AuditCallers.Bearer(fixture.Callers.Auditor);
        await Client.SearchAsync(new SearchRequest { Subject = Subject, Issue = "case-logged" }, auditor)
            .ResponseAsync.WaitAsync(Errors.Timeout);
        var observer = AuditCallers.Bearer(fixture.Callers.Observer);
        await Assert.ThrowsAsync<RpcException>(() =>
            Client.SearchAsync(new SearchRequest(), observer).ResponseAsync.WaitAsync(Errors.Timeout));
        await Assert.ThrowsAsync<RpcException>(() => Client.SearchAsync(
            new SearchRequest(), AuditCallers.Bearer("wrong")).ResponseAsync.WaitAsync(Errors.Timeout));

        var lines = fixture.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("AuditCall", StringComparison.Ordinal)
            && l.Contains("auditor-1", StringComparison.Ordinal) && l.Contains("case-logged", StringComparison.Ordinal)
            && l.Contains(": OK in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("AuditCall", StringComparison.Ordinal)
            && l.Contains("observer-1", StringComparison.Ordinal)
            && l.Contains("PERMISSION_DENIED ROLE_DENIED", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("AuditRefused", StringComparison.Ordinal)
            && l.Contains("UNAUTHENTICATED API_KEY_INVALID", StringComparison.Ordinal));
        foreach (var secret in new[] { Subject, fixture.Callers.Auditor, fixture.Callers.Observer })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gateway_WithoutAuditSection_HasNoAuditEndpoint()
    {
        await using var plain = await TestFederation.StartAsync();

        Assert.Null(plain.Consumer.AuditAddress);
        Assert.NotNull(fixture.Federation.Consumer.AuditAddress);
    }

    private static async Task ReadAllAsync(AsyncServerStreamingCall<ArchiveChunk> call)
    {
        using (call)
        {
            using var timeout = new CancellationTokenSource(Errors.Timeout);
            await foreach (var _ in call.ResponseStream.ReadAllAsync(timeout.Token))
            {
                // Drained only to reach the status.
            }
        }
    }
}
