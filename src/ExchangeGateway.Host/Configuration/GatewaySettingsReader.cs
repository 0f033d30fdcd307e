using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExchangeGateway.Core.Access;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Host.Configuration;

/// <summary>Reads and validates a gateway's configuration file in one pass, reporting every error at once.</summary>
public sealed partial class GatewaySettingsReader
{
    // A file people edit by hand: a trailing comma or a // comment is not an error.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
    };

    private readonly List<string> _errors = [];
    private readonly string _baseDirectory;
    private readonly bool _makeSubjectKey;

    private GatewaySettingsReader(string baseDirectory, bool makeSubjectKey = true)
    {
        _baseDirectory = baseDirectory;
        _makeSubjectKey = makeSubjectKey;
    }

    /// <summary>Serialises settings as an administrator would write them.</summary>
    public static string Serialise(GatewaySettings settings) => JsonSerializer.Serialize(settings, Json);

    /// <summary>Reads the file at <paramref name="path"/>, making the subject key when it does not exist yet.</summary>
    public static bool TryRead(
        string path, [NotNullWhen(true)] out GatewayOptions? options, out IReadOnlyList<string> errors) =>
        TryRead(path, makeSubjectKey: true, out options, out errors);

    /// <summary>
    /// Reads the file at <paramref name="path"/> for a tool that works beside the gateway (archiving): nothing is
    /// made; a subject key that does not exist stays absent.
    /// </summary>
    public static bool TryReadForTool(
        string path, [NotNullWhen(true)] out GatewayOptions? options, out IReadOnlyList<string> errors) =>
        TryRead(path, makeSubjectKey: false, out options, out errors);

    /// <summary>
    /// Reads only what an auditor's report needs from the file at <paramref name="path"/>: the gateway's name and
    /// the paths of its message log, subject key and archives. No certificate or key is loaded, nothing is made.
    /// </summary>
    public static bool TryReadLogPaths(
        string path, [NotNullWhen(true)] out GatewayLogPaths? paths, out IReadOnlyList<string> errors)
    {
        paths = null;
        if (!TryDeserialise(path, out var settings, out errors))
        {
            return false;
        }

        var reader = new GatewaySettingsReader(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", false);
        paths = new GatewayLogPaths(settings.Name, reader.Resolve(settings.MessageLog),
            reader.Resolve(settings.SubjectKey), reader.Resolve(settings.Archiving.Directory));
        return true;
    }

    private static bool TryRead(
        string path, bool makeSubjectKey, [NotNullWhen(true)] out GatewayOptions? options,
        out IReadOnlyList<string> errors)
    {
        options = null;
        if (!TryDeserialise(path, out var settings, out errors))
        {
            return false;
        }

        var reader = new GatewaySettingsReader(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", makeSubjectKey);
        options = reader.Build(settings) is { } built ? built with { SettingsFile = Path.GetFullPath(path) } : null;
        errors = reader._errors;
        return options is not null && errors.Count == 0;
    }

    /// <summary>
    /// Reads only the subsystems, the published services, their grants and <c>logCalls</c> from the file at
    /// <paramref name="path"/> (its <paramref name="content"/> as already read; null: read it now), as a running
    /// gateway does when its file changes: the gateway's member, its subsystems and its services are checked as at
    /// start; nothing else is read, so nothing is loaded or made.
    /// </summary>
    public static bool TryReadServices(
        string path, byte[]? content, [NotNullWhen(true)] out ServiceEntries? entries,
        out IReadOnlyList<string> errors)
    {
        entries = null;
        if (!TryDeserialise(path, out var settings, out errors, content))
        {
            return false;
        }

        var reader = new GatewaySettingsReader(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", false);
        if (!MemberId.TryParse(settings.Member, out var member, out var memberError))
        {
            errors = [$"member '{settings.Member}': {memberError}"];
            return false;
        }

        var subsystems = reader.Subsystems(member, settings.Subsystems);
        var (services, rights) = reader.Services(settings.Services, subsystems);
        errors = reader._errors;
        entries = errors.Count == 0
            ? new ServiceEntries(member, subsystems, services, rights, settings.LogCalls)
            : null;
        return entries is not null;
    }

    /// <summary>
    /// A JSON error in a person's words: its line, counted from 1 as an editor shows it (the serializer counts from
    /// 0), which setting, and for a value of the wrong kind, the kind the setting takes rather than a .NET type's
    /// name.
    /// </summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        end = end >= 0 ? end : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var what = (end >= 0 ? message[..end] : message).Trim();
        var setting = ex.Path is { Length: > 2 } jsonPath ? $"setting '{jsonPath[2..]}'" : null;
        var converted = ConvertedTo().Match(message);
        if (converted.Success)
        {
            what = $"not {Kind(converted.Groups["type"].Value)}";
        }

        var where = ex.LineNumber is { } line ? $"line {line + 1}" : null;
        var at = (where, setting) switch
        {
            (null, null) => "",
            (null, _) => $"{setting}: ",
            (_, null) => $"{where}: ",
            _ => $"{where}, {setting}: ",
        };
        return at + what;
    }

    private static string Kind(string type) => type switch
    {
        _ when type.StartsWith("System.Nullable`1[", StringComparison.Ordinal) => Kind(type[18..^1]),
        _ when type.Contains("Dictionary`", StringComparison.Ordinal) => "an object ({...})",
        _ when type.StartsWith("System.Collections.", StringComparison.Ordinal) || type.EndsWith("[]",
            StringComparison.Ordinal) => "a list ([...])",
        "System.String" => "text in quotes",
        "System.Boolean" => "true or false",
        "System.Int32" or "System.Int64" or "System.Double" or "System.Decimal" => "a number",
        _ => "an object ({...})",
    };

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.? Path:")]
    private static partial Regex ConvertedTo();

    private static bool TryDeserialise(
        string path, [NotNullWhen(true)] out GatewaySettings? settings, out IReadOnlyList<string> errors,
        byte[]? content = null)
    {
        errors = [];
        try
        {
            settings = JsonSerializer.Deserialize<GatewaySettings>(content ?? File.ReadAllBytes(path), Json);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            settings = null;
            errors = [$"{path}: no such file"];
            return false;
        }
        catch (JsonException ex) when (ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
            && ex.Path is { Length: > 2 } setting)
        {
            // The serializer's own words name a .NET type; a person wrote a key, so name the key.
            settings = null;
            errors = [$"{path}: unknown setting '{setting[2..]}' (line {ex.LineNumber + 1}); check its spelling"];
            return false;
        }
        catch (JsonException ex)
        {
            settings = null;
            errors = [$"{path}: {Describe(ex)}"];
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            settings = null;
            errors = [$"{path}: {ex.Message}"];
            return false;
        }

        if (settings is null)
        {
            errors = [$"{path}: empty"];
            return false;
        }

        return true;
    }

    /// <summary>
    /// Validates <paramref name="settings"/>, resolving paths against <paramref name="baseDirectory"/>.
    /// </summary>
    public static bool TryBuild(
        GatewaySettings settings,
        string baseDirectory,
        [NotNullWhen(true)] out GatewayOptions? options,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reader = new GatewaySettingsReader(baseDirectory);
        options = reader.Build(settings);
        errors = reader._errors;
        return options is not null && errors.Count == 0;
    }

    private GatewayOptions? Build(GatewaySettings settings)
    {
        if (IdentifierPart.Check("name", settings.Name) is { } nameError)
        {
            _errors.Add(nameError.ToString());
        }

        if (!MemberId.TryParse(settings.Member, out var member, out var memberError))
        {
            _errors.Add($"member '{settings.Member}': {memberError}");
        }

        var client = Endpoint("clientEndpoint.address", settings.ClientEndpoint.Address);
        if (client is not null && !settings.ClientEndpoint.Tls && !IPAddress.IsLoopback(client.Address))
        {
            _errors.Add("clientEndpoint: plain HTTP/2 (tls: false) is allowed only on a loopback address");
        }

        var exchange = Endpoint("exchangeEndpoint", settings.ExchangeEndpoint);
        var tls = Certificate("tlsCertificate", settings.TlsCertificate);
        var signing = Certificate("signingCertificate", settings.SigningCertificate);
        var federation = Federation(settings.Federation);
        if (settings.MaxMessageBytes is < 1024 or > 256 * 1024 * 1024)
        {
            _errors.Add("maxMessageBytes: must be between 1 KiB and 256 MiB");
        }

        if (settings.ClockSkewSeconds is < 1 or > 86_400)
        {
            _errors.Add("clockSkewSeconds: must be between 1 and 86400");
        }

        CheckTimestamping(settings.Timestamping);
        CheckArchiving(settings.Archiving);
        var audit = AuditSettingsCheck.Build(settings.Audit, client, exchange, _errors);

        if (member is null)
        {
            return null;
        }

        var subsystems = Subsystems(member, settings.Subsystems);
        var (services, rights) = Services(settings.Services, subsystems);
        if (_errors.Count > 0 || client is null || exchange is null || tls is null || signing is null
            || federation is null)
        {
            return null;
        }

        // Read (or made) last: a configuration refused for another reason leaves no new secret behind.
        var subjectKey = Subjects(settings.SubjectKey);
        if (subjectKey is null && _makeSubjectKey)
        {
            return null;
        }

        var messageLog = Resolve(settings.MessageLog);
        return new GatewayOptions
        {
            Name = settings.Name,
            Member = member,
            ClientEndpoint = client,
            ClientTls = settings.ClientEndpoint.Tls,
            ExchangeEndpoint = exchange,
            TlsCertificate = tls,
            SigningCertificate = signing,
            Federation = federation,
            MessageLogPath = messageLog,
            SubjectKey = subjectKey,
            Subsystems = subsystems,
            Services = services,
            AccessRights = rights,
            MaxMessageBytes = settings.MaxMessageBytes,
            ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds),
            LogCalls = settings.LogCalls,
            Timestamping = new Timestamping.TimestampingOptions
            {
                Interval = TimeSpan.FromSeconds(settings.Timestamping.IntervalSeconds),
                MaxBatch = settings.Timestamping.MaxBatch,
                MaxUnstampedAge = TimeSpan.FromMinutes(settings.Timestamping.MaxUnstampedMinutes),
            },
            Archiving = new ArchivingOptions
            {
                Directory = Resolve(settings.Archiving.Directory),
                Interval = TimeSpan.FromMinutes(settings.Archiving.IntervalMinutes),
                Policy = new Core.Archives.ArchivingPolicy
                {
                    Period = TimeSpan.FromHours(settings.Archiving.PeriodHours),
                    MaxRecords = settings.Archiving.MaxRecords,
                    Retention = TimeSpan.FromDays(settings.Archiving.RetentionDays),
                },
            },
            Audit = audit,
        };
    }

    private string Resolve(string path) => Path.GetFullPath(path, _baseDirectory);

    private IPEndPoint? Endpoint(string where, string text)
    {
        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal))
        {
            return endpoint;
        }

        _errors.Add($"{where} '{text}': expected ADDRESS:PORT, e.g. 127.0.0.1:5101");
        return null;
    }

    private X509Certificate2? Certificate(string where, CertificateSettings settings)
    {
        if (settings.Certificate.Length == 0 || settings.Key.Length == 0)
        {
            _errors.Add($"{where}: cannot load: certificate and key files must both be set");
            return null;
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(Resolve(settings.Certificate), Resolve(settings.Key));
            return certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or ArgumentException
            or UnauthorizedAccessException)
        {
            _errors.Add($"{where}: cannot load '{settings.Certificate}' with key '{settings.Key}': {ex.Message}");
            return null;
        }
    }

    private void CheckArchiving(ArchivingSettings settings)
    {
        if (settings.Directory.Length == 0)
        {
            _errors.Add("archiving.directory: must be set");
        }

        if (settings.IntervalMinutes is < 0 or > 10_080)
        {
            _errors.Add("archiving.intervalMinutes: must be between 0 (off) and 10080");
        }

        if (settings.PeriodHours is < 1 or > 8_784)
        {
            _errors.Add("archiving.periodHours: must be between 1 and 8784");
        }

        if (settings.MaxRecords is < 1 or > 10_000_000)
        {
            _errors.Add("archiving.maxRecords: must be between 1 and 10000000");
        }

        if (settings.RetentionDays is < 0 or > 36_500)
        {
            _errors.Add("archiving.retentionDays: must be between 0 and 36500");
        }
    }

    private void CheckTimestamping(TimestampingSettings settings)
    {
        if (settings.IntervalSeconds is < 1 or > 86_400)
        {
            _errors.Add("timestamping.intervalSeconds: must be between 1 and 86400");
        }

        if (settings.MaxBatch is < 1 or > 1_000_000)
        {
            _errors.Add("timestamping.maxBatch: must be between 1 and 1000000");
        }

        if (settings.MaxUnstampedMinutes < 1 || settings.MaxUnstampedMinutes * 60 <= settings.IntervalSeconds)
        {
            _errors.Add("timestamping.maxUnstampedMinutes: must be positive and longer than the interval");
        }
    }

    private Core.Subjects.SubjectKey? Subjects(string path)
    {
        try
        {
            if (!_makeSubjectKey)
            {
                return File.Exists(Resolve(path)) ? Core.Subjects.SubjectKey.Load(Resolve(path)) : null;
            }

            return Core.Subjects.SubjectKey.LoadOrCreate(Resolve(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            _errors.Add($"subjectKey '{path}': {ex.Message}");
            return null;
        }
    }

    private FederationFiles? Federation(FederationSettings settings)
    {
        var files = new FederationFiles(
            Resolve(settings.Document), Resolve(settings.Signature), Resolve(settings.Anchor),
            TimeSpan.FromSeconds(settings.ReloadSeconds));
        var missing = new[] { ("document", files.Document), ("signature", files.Signature), ("anchor", files.Anchor) }
            .Where(f => !File.Exists(f.Item2)).ToList();
        foreach (var (what, path) in missing)
        {
            _errors.Add($"federation.{what}: file '{path}' does not exist");
        }

        if (settings.ReloadSeconds is < 1 or > 86_400)
        {
            _errors.Add("federation.reloadSeconds: must be between 1 and 86400");
        }

        return missing.Count == 0 ? files : null;
    }

    private FrozenDictionary<string, LocalSubsystem> Subsystems(MemberId member, IReadOnlyList<SubsystemSettings> list)
    {
        var subsystems = new Dictionary<string, LocalSubsystem>(StringComparer.Ordinal);
        foreach (var (entry, index) in list.Select((s, i) => (s, i)))
        {
            if (!SubsystemId.TryCreate(member, entry.Code, out var id, out var error))
            {
                _errors.Add($"subsystems[{index}].code '{entry.Code}': {error}");
                continue;
            }

            var fingerprints = entry.ClientCertificates.Select(Fingerprint.Normalise).ToList();
            foreach (var bad in fingerprints.Where(f => !Fingerprint.IsWellFormed(f)))
            {
                _errors.Add($"subsystems[{index}].clientCertificates '{bad}': not a SHA-256 fingerprint");
            }

            var subsystem = new LocalSubsystem(
                id, fingerprints.ToFrozenSet(StringComparer.Ordinal), entry.PlainLoopback, entry.BodyLogging);
            if (!subsystems.TryAdd(entry.Code, subsystem))
            {
                _errors.Add($"subsystems[{index}].code '{entry.Code}': listed twice");
            }
        }

        return subsystems.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private (FrozenDictionary<ServiceId, PublishedService>, AccessRights) Services(
        IReadOnlyList<ServiceSettings> list, FrozenDictionary<string, LocalSubsystem> subsystems)
    {
        var services = new Dictionary<ServiceId, PublishedService>();
        var grants = new Dictionary<ServiceId, IReadOnlyList<AccessGrant>>();
        foreach (var (entry, index) in list.Select((s, i) => (s, i)))
        {
            var where = $"services[{index}]";
            if (!subsystems.TryGetValue(entry.Subsystem, out var subsystem))
            {
                _errors.Add($"{where}.subsystem '{entry.Subsystem}': not one of this gateway's subsystems");
                continue;
            }

            if (!ServiceId.TryCreate(subsystem.Id, entry.Name, out var id, out var nameError))
            {
                _errors.Add($"{where}.name '{entry.Name}': {nameError}");
                continue;
            }

            if (!Uri.TryCreate(entry.Registry, UriKind.Absolute, out var registry)
                || (registry.Scheme != Uri.UriSchemeHttp && registry.Scheme != Uri.UriSchemeHttps))
            {
                _errors.Add($"{where}.registry '{entry.Registry}': must be an absolute http:// or https:// address");
                continue;
            }

            if (!services.TryAdd(id, new PublishedService(id, registry)))
            {
                _errors.Add($"{where}: service '{id}' listed twice");
                continue;
            }

            grants[id] = entry.Grants.Select((g, i) => Grant($"{where}.grants[{i}]", g)).OfType<AccessGrant>().ToList();
        }

        return (services.ToFrozenDictionary(), new AccessRights(grants));
    }

    private AccessGrant? Grant(string where, GrantSettings grant)
    {
        IReadOnlySet<string>? methods =
            grant.Methods.Count == 0 ? null : grant.Methods.ToFrozenSet(StringComparer.Ordinal);
        foreach (var method in grant.Methods)
        {
            if (!MethodPath.TryCreate("x", method, out _, out var methodError))
            {
                _errors.Add($"{where}.methods '{method}': {methodError}");
            }
        }

        if (SubsystemId.TryParse(grant.Client, out var subsystem, out _))
        {
            return new AccessGrant(subsystem.Member, subsystem.Code, methods);
        }

        if (MemberId.TryParse(grant.Client, out var member, out var error))
        {
            return new AccessGrant(member, null, methods);
        }

        _errors.Add($"{where}.client '{grant.Client}': neither a subsystem nor a member ({error})");
        return null;
    }
}
