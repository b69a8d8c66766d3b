using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiteAspire.Data.Spend;

/// <summary>The wire form of a <see cref="SpendEvent"/> on the Redis Stream and in the disk journal: one compact JSON object, snake_case.</summary>
public static class SpendEventJson
{
    /// <summary>The event as UTF-8 JSON.</summary>
    public static byte[] Serialize(SpendEvent spendEvent) => JsonSerializer.SerializeToUtf8Bytes(spendEvent, SpendEventJsonContext.Default.SpendEvent);

    /// <summary>The event in <paramref name="json"/>, or null when it is not one (a damaged entry is reported by the caller, not thrown).</summary>
    public static SpendEvent? TryDeserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            var spendEvent = JsonSerializer.Deserialize(json, SpendEventJsonContext.Default.SpendEvent);
            return spendEvent is { RequestId.Length: > 0 } ? spendEvent : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Source-generated serialisation of <see cref="SpendEvent"/>: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(SpendEvent))]
internal sealed partial class SpendEventJsonContext : JsonSerializerContext;
