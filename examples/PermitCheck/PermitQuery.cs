using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Registries.Migration.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace PermitCheck;

/// <summary>
/// One call through the agency's own gateway, as an agency system makes it: the border police's system (client
/// subsystem <c>border-control</c>) asks the migration registry for the residence permit of a travel document's
/// holder, with the registry's generated stub, naming itself, the service, the case and the person in metadata.
/// It prints the permit and the evidence ids its gateway returns; or, to the error output, the status: with the
/// gateway's stable reason when the gateway refused, as the registry sent it otherwise.
/// </summary>
internal static class PermitQuery
{
    private const string Usage = "usage: PermitCheck DOCUMENT-NUMBER [--gateway URL] [--pki DIR]\n" +
        "  --gateway  the police gateway's client endpoint (default https://127.0.0.1:7111, as `exgw up` starts it)\n" +
        "  --pki      the folder with ca.pem and police-client.pem/.key (default .exgw/up/pki)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Count == 1 && args[0] is "--help" or "-h")
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        if (Parse(args, out var document, out var gateway, out var pki) is { } problem)
        {
            await errors.WriteLineAsync($"{problem}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        X509Certificate2 ca, client;
        try
        {
            ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(pki, "ca.pem"))
                .ConfigureAwait(false));
            client = X509Certificate2.CreateFromPemFile(
                Path.Combine(pki, "police-client.pem"), Path.Combine(pki, "police-client.key"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException
            or ArgumentException)
        {
            await errors.WriteLineAsync($"cannot read the development PKI in '{pki}' ({ex.Message}): name its " +
                "folder with --pki, or start the federation first (dotnet run --project src/ExchangeGateway.Cli -- up)")
                .ConfigureAwait(false);
            return 2;
        }

        using (ca)
        using (client)
        using (var channel = Open(gateway, ca, client))
        {
            var permits = new ResidencePermits.ResidencePermitsClient(channel);
            using var call = permits.GetPermitAsync(new GetPermitRequest { DocumentNumber = document }, new Metadata
            {
                { "xroad-client", "MD/GOV/1006601000101/border-control" },
                { "xroad-service", "MD/GOV/1006601000037/foreigners-registry:migration.v1.ResidencePermits" },
                { "xroad-issue", "border check, Leuseni" },
                { "xroad-subject", document },
            }, deadline: DateTime.UtcNow.AddSeconds(10));
            try
            {
                var permit = await call.ResponseAsync.ConfigureAwait(false);
                var headers = await call.ResponseHeadersAsync.ConfigureAwait(false);
                await output.WriteLineAsync(
                    $"permit {permit.PermitNumber} ({permit.PermitType}, {permit.Status}) of {permit.Surname}, " +
                    $"{permit.GivenNames} ({permit.Nationality}), valid {permit.ValidFrom} to {permit.ValidUntil}, " +
                    $"{permit.Locality}").ConfigureAwait(false);
                await output.WriteLineAsync($"xroad-message-id {headers.GetValue("xroad-message-id")}")
                    .ConfigureAwait(false);
                await output.WriteLineAsync($"xroad-request-hash {headers.GetValue("xroad-request-hash")}")
                    .ConfigureAwait(false);
                return 0;
            }
            catch (RpcException ex)
            {
                // The gateway's own refusals carry google.rpc.Status with an ErrorInfo; a registry's status passes
                // through as the registry sent it; a gateway that cannot be reached is named.
                var info = ex.GetRpcStatus()?.GetDetail<ErrorInfo>();
                var unreached = info is null && ex.StatusCode == StatusCode.Unavailable ? $" (gateway {gateway})" : "";
                await errors.WriteLineAsync(info is null
                    ? $"{ex.StatusCode}: {ex.Status.Detail}{unreached}"
                    : $"{ex.StatusCode} {info.Reason} ({info.Domain}): {ex.Status.Detail}").ConfigureAwait(false);
                return 1;
            }
        }
    }

    /// <summary>A channel to the gateway that presents the system's client certificate and trusts, for the
    /// gateway's own certificate, the development CA alone (not the machine's store).</summary>
    private static GrpcChannel Open(string gateway, X509Certificate2 ca, X509Certificate2 client) =>
        GrpcChannel.ForAddress(gateway, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions =
                {
                    ClientCertificates = [client],
                    RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    {
                        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                        {
                            return false;
                        }

                        using var chain = new X509Chain();
                        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                        chain.ChainPolicy.CustomTrustStore.Add(ca);
                        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                        using var server = new X509Certificate2(certificate);
                        return chain.Build(server);
                    },
                },
            },
        });

    /// <summary>What is wrong with the arguments, or null when they hold a document number and a usable gateway
    /// address.</summary>
    private static string? Parse(IReadOnlyList<string> args, out string document, out string gateway, out string pki)
    {
        document = "";
        gateway = "https://127.0.0.1:7111";
        pki = Path.Combine(".exgw", "up", "pki");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--gateway" or "--pki" when i + 1 >= args.Count || args[i + 1].StartsWith('-'):
                    return $"{args[i]} takes a value";
                case "--gateway":
                    gateway = args[++i];
                    break;
                case "--pki":
                    pki = args[++i];
                    break;
                case var option when option.StartsWith('-'):
                    return $"unknown option '{option}'";
                case var value when document.Length > 0:
                    return $"one document number only, not also '{value}'";
                default:
                    document = args[i];
                    break;
            }
        }

        if (document.Length == 0)
        {
            return "a document number is needed";
        }

        // It travels in xroad-subject too, and gRPC metadata values are ASCII.
        if (!document.All(char.IsAsciiLetterOrDigit))
        {
            return $"a document number is ASCII letters and digits, not '{document}'";
        }

        return Uri.TryCreate(gateway, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? null
            : $"the gateway's client endpoint is an https:// address, not '{gateway}'";
    }
}
