using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ExchangeGateway.Benchmarks.Processes;

namespace ExchangeGateway.Benchmarks.Setup;

/// <summary>
/// The proxy pair an agency would run for transport security only: a front nginx that its systems call, a back
/// nginx in front of the registry, mutual TLS between the two (gRPC proxying, <c>grpc_pass grpcs://</c>).
/// </summary>
/// <remarks>
/// The front listens twice on loopback: TLS that requires the agency system's client certificate (for the .NET
/// generator) and plain HTTP/2 (for h2load, which cannot present one, as for the gateway). Connections to the next
/// hop are kept alive and reused; the per-connection request limits are lifted so no path reconnects mid-run.
/// </remarks>
internal sealed class NginxPair : IAsyncDisposable
{
    private NginxPair(ChildProcess front, ChildProcess back, int frontTlsPort, int frontPlainPort)
    {
        Front = front;
        Back = back;
        FrontTlsPort = frontTlsPort;
        FrontPlainPort = frontPlainPort;
    }

    public ChildProcess Front { get; }

    public ChildProcess Back { get; }

    public int FrontTlsPort { get; }

    public int FrontPlainPort { get; }

    /// <summary>The master and worker processes of each nginx.</summary>
    public int[] FrontProcesses => [Front.Id, .. ProcStat.Children(Front.Id)];

    public int[] BackProcesses => [Back.Id, .. ProcStat.Children(Back.Id)];

    public static async Task<NginxPair> StartAsync(
        string nginx, string directory, string pki, int registryPlainPort, FreePorts ports, ChildProcess guard,
        CancellationToken cancellationToken)
    {
        var backPort = ports.Next();
        var frontTls = ports.Next();
        var frontPlain = ports.Next();
        var backPrefix = Path.Combine(directory, "back");
        var frontPrefix = Path.Combine(directory, "front");
        var back = Start(nginx, backPrefix, BackConfig(backPrefix, pki, backPort, registryPlainPort), guard);
        var front = Start(nginx, frontPrefix, FrontConfig(frontPrefix, pki, frontTls, frontPlain, backPort), guard);
        var pair = new NginxPair(front, back, frontTls, frontPlain);
        try
        {
            await WaitListeningAsync(back, backPort, cancellationToken).ConfigureAwait(false);
            await WaitListeningAsync(front, frontTls, cancellationToken).ConfigureAwait(false);
            await WaitListeningAsync(front, frontPlain, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await pair.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync().ConfigureAwait(false);
        await Back.DisposeAsync().ConfigureAwait(false);
    }

    private static ChildProcess Start(string nginx, string prefix, string config, ChildProcess guard)
    {
        Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        var file = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(file, Common(prefix) + config);
        return ChildProcess.Start($"nginx {Path.GetFileName(prefix)}", nginx,
            ["-p", prefix, "-c", file, "-e", Path.Combine(prefix, "error.log"), "-g", "daemon off;"],
            Path.Combine(prefix, "console.log"), guard);
    }

    private static string Common(string prefix) => $$"""
        worker_processes auto;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;
        events { worker_connections 4096; }

        """;

    private static string Http(string prefix) => $$"""
          access_log off;
          client_body_temp_path {{prefix}}/temp/body;
          proxy_temp_path {{prefix}}/temp/proxy;
          fastcgi_temp_path {{prefix}}/temp/fastcgi;
          uwsgi_temp_path {{prefix}}/temp/uwsgi;
          scgi_temp_path {{prefix}}/temp/scgi;
          client_max_body_size 64m;
          keepalive_requests 10000000;
          keepalive_timeout 600s;
          grpc_read_timeout 60s;
          grpc_send_timeout 60s;
        """;

    private static string FrontConfig(string prefix, string pki, int tlsPort, int plainPort, int backPort) => $$"""
        http {
        {{Http(prefix)}}
          upstream back {
            server 127.0.0.1:{{backPort}};
            keepalive 512;
            keepalive_requests 10000000;
            keepalive_timeout 600s;
          }
          server {
            listen 127.0.0.1:{{tlsPort}} ssl http2;
            ssl_certificate {{pki}}/front-gateway.pem;
            ssl_certificate_key {{pki}}/front-gateway.key;
            ssl_protocols TLSv1.2 TLSv1.3;
            ssl_verify_client on;
            ssl_client_certificate {{pki}}/ca.pem;
            location / { {{ToBack(pki)}} }
          }
          server {
            listen 127.0.0.1:{{plainPort}} http2;
            location / { {{ToBack(pki)}} }
          }
        }

        """;

    private static string ToBack(string pki) => $"""
        grpc_pass grpcs://back;
              grpc_ssl_certificate {pki}/front-gateway.pem;
              grpc_ssl_certificate_key {pki}/front-gateway.key;
              grpc_ssl_trusted_certificate {pki}/ca.pem;
              grpc_ssl_verify on;
              grpc_ssl_name back-gw;
              grpc_ssl_protocols TLSv1.3;
              grpc_ssl_session_reuse on;
        """;

    private static string BackConfig(string prefix, string pki, int port, int registryPlainPort) => $$"""
        http {
        {{Http(prefix)}}
          upstream registry {
            server 127.0.0.1:{{registryPlainPort}};
            keepalive 512;
            keepalive_requests 10000000;
            keepalive_timeout 600s;
          }
          server {
            listen 127.0.0.1:{{port}} ssl http2;
            ssl_certificate {{pki}}/back-gateway.pem;
            ssl_certificate_key {{pki}}/back-gateway.key;
            ssl_protocols TLSv1.3;
            ssl_verify_client on;
            ssl_client_certificate {{pki}}/ca.pem;
            location / { grpc_pass grpc://registry; }
          }
        }

        """;

    private static async Task WaitListeningAsync(ChildProcess nginx, int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (nginx.HasExited)
            {
                var code = nginx.ExitCode.ToString(CultureInfo.InvariantCulture);
                throw new InvalidOperationException($"{nginx.Name} exited with code {code}; see its error.log");
            }

            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"{nginx.Name} is not listening on port {port} after 15 s");
    }
}
