using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Host.Faults;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using AuditClient = ExchangeGateway.Host.Audit.V1.Audit.AuditClient;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// The options every audit call takes (address, key file, CA), the channel they make, and how a failed call is
/// told. The gateway's TLS certificate must chain to the given CA for server authentication; the operating
/// system's store is not used.
/// </summary>
/// <remarks>
/// Stages of <see cref="RunAsync"/>: (1) local checks of the address, the key file and the CA file, before anything
/// is sent; (2) a channel whose TLS callbacks remember why a handshake failed (a server certificate that does not
/// chain to the CA, a server that asks for a client certificate); (3) the call. Only a status that carries the
/// gateway's <c>ErrorInfo</c> is a refusal (<see cref="Refused"/>); any other failure is one line naming the
/// address and the cause (<see cref="Failed"/>).
/// </remarks>
internal sealed class AuditConnection
{
    /// <summary>The exit code of a call the gateway refused.</summary>
    public const int Refused = 1;

    /// <summary>The exit code of a call that did not reach the audit API, or of a local check that failed.</summary>
    public const int Failed = 2;

    /// <summary>What the help of every audit call says about exit codes.</summary>
    public const string ExitCodes = "Exit code 0: done; 1: the gateway refused the call (its reason is printed), " +
        "or its answer failed a check here (audit evidence: not tied to --anchor); " +
        "2: the call was not made or got no answer from the audit API (a usage error, an option or file refused, " +
        "the endpoint not reached or not an audit endpoint).";

    /// <summary>The deadline of an audit call made now: one minute.</summary>
    public static DateTime Deadline => DateTime.UtcNow.AddMinutes(1);

    /// <summary>The <c>ErrorInfo</c> domain of every gateway refusal starts so (see GatewayFault).</summary>
    private const string GatewayDomain = "exchange-gateway/";

    private readonly Option<string> _address = new("--address")
    {
        Description = "The gateway's audit endpoint, e.g. https://127.0.0.1:7104",
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

    /// <summary>Adds the options to <paramref name="command"/>, and the exit codes to its description.</summary>
    public void AddTo(Command command)
    {
        command.Description = $"{command.Description}\n{ExitCodes}";
        command.Options.Add(_address);
        command.Options.Add(_keyFile);
        command.Options.Add(_ca);
    }

    /// <summary>Writes <paramref name="problem"/> as the one line of a local failure.</summary>
    public static Task<int> FailAsync(ParseResult parse, string problem) => ReportAsync(parse, problem, Failed);

    /// <summary>Writes <paramref name="problem"/> as the one line of an answer that does not pass a check of this
    /// side's (as a refusal, exit 1: the call was made and answered, and what it answered is not taken).</summary>
    public static Task<int> RejectAsync(ParseResult parse, string problem) => ReportAsync(parse, problem, Refused);

    /// <summary>
    /// Calls <paramref name="call"/> with a client and the key header; prints a refusal by its reason and any
    /// other failure by the address and its cause.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, Func<AuditClient, Metadata, Task<int>> call)
    {
        // (1) Local checks: nothing is sent before they pass.
        if (Address(parse.GetValue(_address)) is not { } address)
        {
            return await FailAsync(parse, "--address: expected https://HOST:PORT, e.g. https://127.0.0.1:7104")
                .ConfigureAwait(false);
        }

        if (ReadKey(parse.GetValue(_keyFile)!.FullName, out var key) is { } keyProblem)
        {
            return await FailAsync(parse, keyProblem).ConfigureAwait(false);
        }

        var ca = parse.GetValue(_ca)!.FullName;
        var authorities = new X509Certificate2Collection();
        if (AnchorFile.Problem("--ca", ca, authorities) is { } caProblem)
        {
            return await FailAsync(parse, caProblem).ConfigureAwait(false);
        }

        // (2) The channel, its TLS callbacks watched.
        var handshake = new ServerHandshake(authorities, ca, null,
            "the server asked for a client certificate (is this a gateway's client or exchange endpoint, not its " +
            "audit endpoint?)");
        using var handler = new SocketsHttpHandler { SslOptions = handshake.Options() };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = false,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });

        // (3) The call.
        try
        {
            var headers = new Metadata { { "authorization", $"Bearer {key}" } };
            return await call(new AuditClient(channel), headers).ConfigureAwait(false);
        }
        catch (RpcException ex) when (Reason(ex) is { } reason)
        {
            return await ReportAsync(parse, $"refused: {reason}: {ex.Status.Detail}", Refused).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            var where = address.GetLeftPart(UriPartial.Authority);
            var line = handshake.Cause(ex) is { } cause
                ? $"cannot reach the audit endpoint at {where}: {cause}"
                : Describe(ex, where);
            return await ReportAsync(parse, line, Failed).ConfigureAwait(false);
        }
    }

    private static async Task<int> ReportAsync(ParseResult parse, string line, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(parse);
        await parse.InvocationConfiguration.Error.WriteLineAsync(line).ConfigureAwait(false);
        return exitCode;
    }

    private static Uri? Address(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps
            && address.AbsolutePath == "/" && address.Query.Length == 0
            ? address
            : null;

    private static string? ReadKey(string path, out string key)
    {
        key = "";
        if (!File.Exists(path))
        {
            return $"--key-file {path}: no such file";
        }

        try
        {
            key = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"--key-file {path}: {ex.Message}";
        }

        // A header value is printable ASCII; exgw audit key writes base64url on one line.
        return key.Length == 0 ? $"key file {path} is empty"
            : key.Any(c => c is <= ' ' or > '~') ? $"key file {path} does not hold one API key on one line"
            : null;
    }

    /// <summary>The reason of a gateway's refusal; null for any status without the gateway's <c>ErrorInfo</c>.
    /// </summary>
    private static string? Reason(RpcException ex)
    {
        var info = ex.GetRpcStatus()?.GetDetail<ErrorInfo>();
        return info is { Reason.Length: > 0 } && info.Domain.StartsWith(GatewayDomain, StringComparison.Ordinal)
            ? info.Reason
            : null;
    }

    /// <summary>A status the server sent without a gateway's reason, or one the client made without an exception, in
    /// one line naming the address.</summary>
    private static string Describe(RpcException ex, string where) => ex.StatusCode switch
    {
        StatusCode.DeadlineExceeded => $"no answer from the audit endpoint at {where} within a minute",
        StatusCode.Cancelled => $"the call to the audit endpoint at {where} was cancelled",

        // An answer from a server, without a gateway's reason: most likely not a gateway's audit endpoint.
        _ => $"the endpoint at {where} answered {StatusNames.Of(ex.StatusCode)} without a gateway's reason " +
            $"(is this a gateway's audit endpoint?): {ex.Status.Detail}",
    };
}
