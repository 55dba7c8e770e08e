using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Soliday.Infrastructure.Tests.Support;

public static class Expressions
{
    /// <summary>Unescaped, so ARM expressions read as written: <c>parameters('x')</c>, not <c>\u0027x\u0027</c>.</summary>
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A string value as it is, anything else as its JSON text.</summary>
    public static string Text(this JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(AsWritten),
    };
}
