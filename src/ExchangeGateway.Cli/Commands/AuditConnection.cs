using System.CommandLine;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Signing;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using AuditClient = ExchangeGateway.Host.Audit.V1.Audit.AuditClient;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// The options every audit call takes (address, key file, CA) and the channel they make. The gateway's TLS
/// certificate must chain to the given CA for server authentication; the operating system's store is not used.
/// </summary>
internal sealed class AuditConnection
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    private readonly Option<string> _address = new("--address")
    {
        Description = "The gateway's audit endpoint, e.g. https://127.0.0.1:5103",
        Required = true,
    };

    private readonly Option<FileInfo> _keyFile = new("--key-file")
    {
        Description = "A file holding the audit API key (from exgw audit key)",
        Required = true,
    };

    private readonly Option<FileInfo> _ca = new("--ca")
    {
        Description = "The CA certificate(s) (PEM) the gateway's TLS certificate must chain to, e.g. ca.pem",
        Required = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_address);
        command.Options.Add(_keyFile);
        command.Options.Add(_ca);
    }

    /// <summary>Calls <paramref name="call"/> with a client and the key header; prints a refusal by its reason.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, Func<AuditClient, Metadata, Task<int>> call)
    {
        if (!Uri.TryCreate(parse.GetValue(_address), UriKind.Absolute, out var address)
            || address.Scheme != Uri.UriSchemeHttps)
        {
            await Console.Error.WriteLineAsync("--address: expected https://HOST:PORT").ConfigureAwait(false);
            return 2;
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(parse.GetValue(_ca)!.FullName);
        if (authorities.Count == 0)
        {
            await Console.Error.WriteLineAsync("--ca: the file holds no certificate").ConfigureAwait(false);
            return 2;
        }

        var key = (await File.ReadAllTextAsync(parse.GetValue(_keyFile)!.FullName).ConfigureAwait(false)).Trim();
        var headers = new Metadata { { "authorization", $"Bearer {key}" } };
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 server
                    && CertificateChains.Validate(server, authorities, DateTimeOffset.UtcNow, null,
                        ServerAuthentication) is null,
            },
        };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = false,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        try
        {
            return await call(new AuditClient(channel), headers).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            var reason = ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
            await Console.Error.WriteLineAsync($"refused: {ex.StatusCode} {reason}: {ex.Status.Detail}")
                .ConfigureAwait(false);
            return 1;
        }
    }
}
