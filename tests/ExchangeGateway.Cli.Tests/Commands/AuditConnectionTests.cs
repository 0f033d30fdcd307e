using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Faults;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary>
/// <c>exgw audit</c> against servers of the test's own on loopback: a refusal is told by the gateway's reason
/// (exit 1), every other failure by the address and its cause (exit 2).
/// </summary>
public sealed class AuditConnectionTests : IDisposable
{
    private const string Key = "the-right-key";

    private readonly string _directory = Directory.CreateTempSubdirectory("exgw-audit-connection-").FullName;
    private readonly DevelopmentPki _pki;
    private readonly string _keyFile;

    public AuditConnectionTests()
    {
        _pki = DevelopmentPki.Ensure(Path.Combine(_directory, "pki"), ["alpha"], TimeProvider.System);
        _keyFile = Path.Combine(_directory, "auditor.key");
        File.WriteAllText(_keyFile, Key + "\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Call_TheGatewayRefuses_PrintsItsReasonAndMessage_Exit1()
    {
        await using var server = await StartAsync(ClientCertificateMode.NoCertificate);
        File.WriteAllText(_keyFile, "a-wrong-key");

        var run = await AuditCommandTests.RunAsync(["archive", .. Connection(server.Address)]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("refused: API_KEY_INVALID: send a valid audit API key", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Call_Accepted_PrintsTheAnswer_Exit0()
    {
        await using var server = await StartAsync(ClientCertificateMode.NoCertificate);

        var run = await AuditCommandTests.RunAsync(["search", "--max", "2", .. Connection(server.Address)]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("2 record(s) (more follow; raise --max).", run.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WithTheCaOfAnotherPki_SaysTheCertificateDoesNotChainToIt_Exit2()
    {
        await using var server = await StartAsync(ClientCertificateMode.NoCertificate);
        var other = DevelopmentPki.Ensure(Path.Combine(_directory, "other"), [], TimeProvider.System);
        var ca = Path.Combine(other.Directory, "ca.pem");

        var run = await AuditCommandTests.RunAsync(["archive", .. Connection(server.Address, ca)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"cannot reach the audit endpoint at {server.Address}: the server's certificate " +
            $"'CN=alpha-gw, O=alpha, C=MD' does not chain to --ca {ca}", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Call_WithNothingListening_SaysConnectionRefused_NamingTheAddress_Exit2()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();

        var run = await AuditCommandTests.RunAsync(["archive", .. Connection(address)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"cannot reach the audit endpoint at {address}: connection refused", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Call_ToAMutualTlsEndpoint_SaysItAskedForAClientCertificate_Exit2()
    {
        await using var server = await StartAsync(ClientCertificateMode.RequireCertificate);

        var run = await AuditCommandTests.RunAsync(["archive", .. Connection(server.Address)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"cannot reach the audit endpoint at {server.Address}: the server asked for a client " +
            "certificate (is this a gateway's client or exchange endpoint, not its audit endpoint?)",
            run.Error.TrimEnd());
    }

    [Fact]
    public async Task Call_ToAServerWithoutTheAuditApi_IsNotARefusal_Exit2()
    {
        await using var server = await StartAsync(ClientCertificateMode.NoCertificate, audit: false);

        var run = await AuditCommandTests.RunAsync(["archive", .. Connection(server.Address)]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"the endpoint at {server.Address} answered UNIMPLEMENTED without a gateway's reason",
            run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "evidence not written: the gateway sent no signed federation configuration: its CAs cannot " +
        "be tied to --anchor")]
    [InlineData(true, "evidence not written: the federation configuration the gateway sent does not verify against " +
        "--anchor ")]
    public async Task Evidence_WhoseCasNoAnchoredConfigurationLists_IsRefused_AndNothingWritten(
        bool withConfiguration, string said)
    {
        await using var server = await StartAsync(ClientCertificateMode.NoCertificate);
        var folder = Path.Combine(_directory, "evidence");

        // The server sends its own CA beside a configuration the anchor never signed, or none at all.
        FakeAudit.SignedFederation = withConfiguration;
        var run = await AuditCommandTests.RunAsync(["evidence", "--message-id", "m-0", "--out", folder,
            "--anchor", Path.Combine(_pki.Directory, "authority.pem"), .. Connection(server.Address)]);

        Assert.Equal(1, run.ExitCode); // answered, and the answer not taken
        Assert.StartsWith(said, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
    }

    private string[] Connection(string address, string? ca = null) =>
        ["--address", address, "--key-file", _keyFile, "--ca", ca ?? Path.Combine(_pki.Directory, "ca.pem")];

    private async Task<Server> StartAsync(ClientCertificateMode mode, bool audit = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = _pki.Read("alpha-gateway"),
                ClientCertificateMode = mode,
            });
        }));
        var app = builder.Build();
        if (audit)
        {
            app.MapGrpcService<FakeAudit>();
        }

        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Server(app, new Uri(bound.Addresses.First()).GetLeftPart(UriPartial.Authority));
    }

    private sealed record Server(WebApplication App, string Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await App.DisposeAsync();
        }
    }

    /// <summary>Refuses a wrong key as a gateway does; lists no archives; finds three records, a page at a time;
    /// gives evidence whose CAs no anchored configuration lists.</summary>
    private sealed class FakeAudit : Audit.AuditBase
    {
        /// <summary>Whether the evidence comes with a configuration and signature (not the anchor's) or none.
        /// </summary>
        public static bool SignedFederation { get; set; }

        public override Task<GetEvidenceResponse> GetEvidence(GetEvidenceRequest request, ServerCallContext context)
        {
            Authenticate(context);
            var response = new GetEvidenceResponse { MessageId = request.MessageId };
            response.Records.Add(new EvidenceRecord { Record = new LogRecord { MessageId = request.MessageId } });
            response.CertificateAuthorities.Add("-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----");
            if (SignedFederation)
            {
                response.Federation = Google.Protobuf.ByteString.CopyFromUtf8("{ \"instance\": \"MD\" }");
                response.FederationSignature = Google.Protobuf.ByteString.CopyFrom(1, 2, 3);
            }

            return Task.FromResult(response);
        }

        public override Task<ListArchivesResponse> ListArchives(ListArchivesRequest request, ServerCallContext context)
        {
            Authenticate(context);
            return Task.FromResult(new ListArchivesResponse());
        }

        public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
        {
            Authenticate(context);
            var first = request.PageToken.Length == 0 ? 0 : int.Parse(request.PageToken, CultureInfo.InvariantCulture);
            var last = Math.Min(first + request.PageSize, 3);
            var response = new SearchResponse { NextPageToken = last < 3 ? $"{last}" : "" };
            for (var sequence = first; sequence < last; sequence++)
            {
                response.Records.Add(new LogRecord
                {
                    Sequence = sequence,
                    LoggedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch),
                    MessageId = $"m-{sequence}",
                });
            }

            return Task.FromResult(response);
        }

        private static void Authenticate(ServerCallContext context)
        {
            if (context.RequestHeaders.GetValue("authorization") != $"Bearer {Key}")
            {
                throw new GatewayFault(StatusCode.Unauthenticated, "API_KEY_INVALID", "send a valid audit API key")
                    .ToException("alpha-gw", "MD/GOV/1000000000001");
            }
        }
    }
}
