using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw health</c>: asks one endpoint of a gateway (client or exchange) how it is, by
/// <c>grpc.health.v1.Health/Check</c> over the endpoint's own TLS, as a monitoring probe would: its answer on one
/// line, and an exit code a probe can act on.
/// </summary>
internal static class HealthCommand
{
    /// <summary>How long the check may take.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private const string ExitCodes = "Exit code 0: SERVING; 1: the endpoint answered another status (NOT_SERVING: " +
        "an expired federation configuration, or records unstamped for too long); 2: no health answer (a usage " +
        "error, a file refused, the endpoint not reached, or one that serves no health check).";

    public static Command Create()
    {
        var address = new Option<string>("--address")
        {
            Description = "The client or exchange endpoint, e.g. https://127.0.0.1:7111 (a client endpoint of exgw up)",
            Required = true,
        };
        var ca = new Option<FileInfo>("--ca")
        {
            Description = "The CA certificate(s) (PEM) the gateway's TLS certificate must chain to, e.g. ca.pem",
            Required = true,
        };
        var certificate = new Option<FileInfo>("--cert")
        {
            Description = "A client certificate (PEM), which the client and exchange endpoints ask for",
        };
        var key = new Option<FileInfo>("--key") { Description = "Its private key (PEM)" };
        var command = new Command("health",
            $"Ask a gateway's client or exchange endpoint whether it is serving (grpc.health.v1)\n{ExitCodes}")
        {
            address, ca, certificate, key,
        };
        command.SetAction((parse, cancel) => RunAsync(parse, parse.GetValue(address)!, parse.GetValue(ca)!,
            parse.GetValue(certificate), parse.GetValue(key), cancel));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string text, FileInfo caFile, FileInfo? certificate,
        FileInfo? key, CancellationToken cancel)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var authorities = new X509Certificate2Collection();
        var problem = !Uri.TryCreate(text, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps
                || address.AbsolutePath != "/"
            ? "--address: expected https://HOST:PORT, e.g. https://127.0.0.1:7111"
            : AnchorFile.Problem("--ca", caFile.FullName, authorities)
                ?? ((certificate is null) != (key is null) ? "--cert and --key: give both or neither" : null);
        X509Certificate2? client = null;
        if (problem is null && certificate is not null)
        {
            try
            {
                client = X509Certificate2.CreateFromPemFile(certificate.FullName, key!.FullName);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                problem = $"--cert {certificate.FullName} with --key {key!.FullName}: {ex.Message}";
            }
        }

        if (problem is not null)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        using (client)
        {
            var handshake = new ServerHandshake(authorities, caFile.FullName, client,
                "the server asked for a client certificate: give --cert and --key (the client and exchange " +
                "endpoints take one)");
            using var handler = new SocketsHttpHandler { SslOptions = handshake.Options() };
            using var channel = GrpcChannel.ForAddress(address!, new GrpcChannelOptions { HttpHandler = handler });
            var where = address!.GetLeftPart(UriPartial.Authority);
            try
            {
                var answer = await new Health.HealthClient(channel)
                    .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + Deadline,
                        cancellationToken: cancel)
                    .ConfigureAwait(false);
                var status = answer.Status switch
                {
                    HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
                    HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
                    var other => other.ToString(),
                };
                await output.WriteLineAsync($"{where}: {status}").ConfigureAwait(false);
                return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
            }
            catch (RpcException ex)
            {
                await error.WriteLineAsync($"no health answer from {where}: {Cause(ex, handshake)}")
                    .ConfigureAwait(false);
                return 2;
            }
        }
    }

    private static string Cause(RpcException ex, ServerHandshake handshake) =>
        handshake.Cause(ex) ?? ex.StatusCode switch
        {
            StatusCode.DeadlineExceeded => $"none within {Deadline.TotalSeconds:0} s",
            StatusCode.Unimplemented =>
                "it serves no grpc.health.v1 (a gateway's audit endpoint does not: ask its client or exchange " +
                "endpoint)",
            _ => $"{ex.StatusCode}: {ex.Status.Detail}",
        };
}
