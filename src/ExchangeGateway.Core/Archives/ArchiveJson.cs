using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExchangeGateway.Core.Archives;

/// <summary>The JSON settings of archives: camelCase, enums by name, and strict reading.</summary>
internal static class ArchiveJson
{
    /// <summary>One value a line (JSON Lines).</summary>
    public static readonly JsonSerializerOptions Lines = Create(indented: false);

    /// <summary>The manifest, indented for people.</summary>
    public static readonly JsonSerializerOptions Manifest = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
