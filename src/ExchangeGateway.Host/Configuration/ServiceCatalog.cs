using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;
using ExchangeGateway.Host.Federation;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Configuration;

/// <summary>
/// The subsystems a gateway serves (their client certificates, plain loopback and body logging), the services it
/// publishes, the grants on them and whether each call gets a line in the diagnostic log, as its administrator edits
/// them in the settings file: the gateway looks at the file every <see cref="Interval"/> and, once it changed and its
/// member, subsystems and services read as at start, swaps them all at once; a file that does not read leaves those
/// in force and the log says why. Every other setting is read at start only, and an edit of one is named as waiting
/// for a restart. A client certificate taken out of the file is refused from the next call on, on connections already
/// open as well: the client endpoint checks the certificate at every call.
/// </summary>
internal sealed class ServiceCatalog : IDisposable
{
    /// <summary>How often the settings file is read and its SHA-256 compared with the last read's: a file of a few
    /// kilobytes, so cheap, and no edit is missed however quickly it follows another or whatever size it
    /// keeps.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>The top-level settings read again while the gateway runs; the others wait for a restart.</summary>
    private static readonly FrozenSet<string> ReadAgain =
        new[] { "member", "subsystems", "services", "logCalls" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly string? _file;
    private readonly string _gateway;
    private readonly FederationState _federation;
    private readonly TimeProvider _time;
    private readonly ILogger<ServiceCatalog> _logger;
    private readonly Lock _reloading = new();
    private readonly Dictionary<string, JsonElement> _started;
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
        var (content, hash) = Look();
        _seen = hash;
        _started = StartOnly(content);
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

            // As at start: a subsystem, or a grant's client, that the federation does not list is kept, and said,
            // not refused.
            var federation = _federation.Current;
            foreach (var problem in StartupCheck.Unlisted(entries.Subsystems.Values, federation)
                         .Concat(StartupCheck.UnlistedClients(entries.AccessRights, federation)))
            {
                Log.StartupProblem(_logger, _gateway, problem);
            }

            var waiting = Changed(StartOnly(content));
            if (waiting.Count > 0)
            {
                Log.RestartPending(_logger, _file, string.Join(", ", waiting));
            }
        }
    }

    /// <summary>The settings of <paramref name="content"/> that are read at start only, by name, as written.</summary>
    private static Dictionary<string, JsonElement> StartOnly(byte[]? content)
    {
        var settings = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (content is null)
        {
            return settings;
        }

        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var setting in document.RootElement.EnumerateObject().Where(s => !ReadAgain.Contains(s.Name)))
                {
                    settings[setting.Name] = setting.Value.Clone();
                }
            }
        }
        catch (JsonException)
        {
            // Not read then: the reader has said why, and nothing is compared.
        }

        return settings;
    }

    /// <summary>The settings read at start only whose value in the file differs from the one at start: changed,
    /// added or taken out.</summary>
    private List<string> Changed(Dictionary<string, JsonElement> now) =>
        _started.Keys.Union(now.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(name => !(_started.TryGetValue(name, out var before) && now.TryGetValue(name, out var after)
                && JsonElement.DeepEquals(before, after)))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

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
