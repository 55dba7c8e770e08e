using System.Text.Json;
using System.Text.Json.Serialization;

namespace Soliday.Storage;

/// <summary>The one JSON shape Soliday stores and serves: camelCase names, kebab-case enum values.</summary>
public static class SolidayJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static BinaryData Serialize<T>(T value) => BinaryData.FromObjectAsJson(value, Options);

    public static T Deserialize<T>(BinaryData json) =>
        json.ToObjectFromJson<T>(Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
