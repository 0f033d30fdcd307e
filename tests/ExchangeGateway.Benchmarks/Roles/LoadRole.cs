using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ExchangeGateway.Benchmarks.Load;
using ExchangeGateway.Core.Pki;
using Grpc.Core;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// <c>load --pki DIR --client-certificate NAME --xroad-client ID --xroad-service ID</c>: the .NET load generator.
/// Reads one <see cref="LoadCommand"/> per line on standard input, answers each with <c>@@RESULT</c>, and exits
/// when its input ends. It stays up between points so that its own code is compiled and warm.
/// </summary>
internal static class LoadRole
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var pki = args.Required("--pki");
        var identity = new LoadIdentity(
            PemFiles.Read(pki, args.Required("--client-certificate")),
            PemFiles.ReadCertificate(pki, "ca"),
            new Metadata
            {
                { "xroad-client", args.Required("--xroad-client") },
                { "xroad-service", args.Required("--xroad-service") },
            });
        using var input = new StreamReader(Console.OpenStandardInput());
        ReadyLine.Write("READY", new { pid = Environment.ProcessId });
        while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var command = JsonSerializer.Deserialize<LoadCommand>(line, ReadyLine.Json)
                ?? throw new ArgumentException("empty load command");
            var result = await DotnetLoad.RunAsync(command, identity).ConfigureAwait(false);
            ReadyLine.Write("RESULT", result);
        }

        return 0;
    }
}

/// <summary>
/// Who the .NET load generator is: its client certificate, the CA it trusts, the X-Road headers it sends.
/// </summary>
internal sealed record LoadIdentity(X509Certificate2 ClientCertificate, X509Certificate2 Authority, Metadata Headers);
