using System.Security.Cryptography;
using ExchangeGateway.Host.Federation;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Configuration;

/// <summary>
/// The subsystems a gateway serves (their client certificates, plain loopback and body logging), the services it
/// publishes, the grants on them and whether each call gets a line in the diagnostic log, as its administrator edits
/// them in the settings file: the gateway looks at the file every <see cref="Interval"/> and, once it changed and its
/// member, subsystems and services read as at start, swaps them all at once; a file that does not read leaves those
/// in force and the log says why. Every other setting is read at start only. A client certificate taken out of the
/// file is refused from the next call on, on connections already open as well: the client endpoint checks the
/// certificate at every call.
/// </summary>
internal sealed class ServiceCatalog : IDisposable
{
    /// <summary>How often the settings file is read and its SHA-256 compared with the last read's: a file of a few
    /// kilobytes, so cheap, and no edit is missed however quickly it follows another or whatever size it
    /// keeps.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly string? _file;
    private readonly string _gateway;
    private readonly FederationState _federation;
    private readonly TimeProvider _time;
    private readonly ILogger<ServiceCatalog> _logger;
    private readonly Lock _reloading = new();
    private ServiceEntries _current;
    private byte[] _seen;
    private ITimer? _timer;

    public ServiceCatalog(
        GatewayOptions options, FederationState federation, TimeProvider time, ILogger<ServiceCatalog> logger)
    {
        _file = options.SettingsFile;
        _gateway = options.Name;
        _federation = federation;
        _time = time;
        _logger = logger;
        _current = new ServiceEntries(
            options.Member, options.Subsystems, options.Services, options.AccessRights, options.LogCalls);
        _seen = Look().Hash;
    }

    /// <summary>The subsystems, services and grants in force: take them once per call, so that all come from one
    /// file.</summary>
    public ServiceEntries Current => Volatile.Read(ref _current);

    /// <summary>Looks at the settings file from now on, when the options came from one.</summary>
    public void Start()
    {
        if (_file is not null)
        {
            _timer = _time.CreateTimer(_ => Reload(), null, Interval, Interval);
        }
    }

    /// <summary>Reads the file again if it changed since it was last read.</summary>
    public void Reload()
    {
        if (_file is null)
        {
            return;
        }

        lock (_reloading)
        {
            var (content, hash) = Look();
            if (hash.AsSpan().SequenceEqual(_seen))
            {
                return;
            }

            _seen = hash;
            if (!GatewaySettingsReader.TryReadServices(_file, content, out var entries, out var errors))
            {
                Log.ServicesRefused(_logger, _file, string.Join("; ", errors));
                return;
            }

            if (entries.Member != _current.Member)
            {
                Log.ServicesRefused(_logger, _file,
                    $"member '{entries.Member}' is not the member '{_current.Member}' this gateway runs for");
                return;
            }

            Volatile.Write(ref _current, entries);
            Log.ServicesReloaded(_logger, _file, entries.Subsystems.Count,
                entries.Subsystems.Values.Sum(s => s.ClientCertificates.Count), entries.Services.Count,
                entries.AccessRights.Count, entries.AccessRights.MethodsNamed, entries.LogCalls ? "on" : "off");

            // As at start: a subsystem the federation does not list is served, and said, not refused.
            foreach (var problem in StartupCheck.Unlisted(entries.Subsystems.Values, _federation.Current))
            {
                Log.StartupProblem(_logger, _gateway, problem);
            }
        }
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>The file's content and its SHA-256; none and an empty hash when there is no file or it cannot be
    /// read now (then the reader says why).</summary>
    private (byte[]? Content, byte[] Hash) Look()
    {
        try
        {
            var content = _file is null ? null : File.ReadAllBytes(_file);
            return content is null ? (null, []) : (content, SHA256.HashData(content));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, []);
        }
    }
}
