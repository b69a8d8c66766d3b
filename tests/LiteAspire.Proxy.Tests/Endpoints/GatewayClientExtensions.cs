using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Tests.Endpoints;

internal static class GatewayClientExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostJsonAsync(path, body.ToJsonString());

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;

    public static JsonObject Chat(string model, string text = "hi", bool stream = false) => new()
    {
        ["model"] = model,
        ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = text } },
        ["stream"] = stream,
    };

    /// <summary>Asserts LiteLLM's error envelope: message, type and param present, code the status as a string.</summary>
    public static async Task<JsonObject> AssertOpenAIErrorAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadObjectAsync();
        var error = Assert.IsType<JsonObject>(body["error"]);
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(error["type"]!.GetValue<string>()));
        Assert.True(error.ContainsKey("param"));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error["code"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        return error;
    }

    /// <summary>Reads SSE data payloads until [DONE] (included) or the end of the stream.</summary>
    public static async Task<List<string>> ReadSseDataAsync(this HttpResponseMessage response)
    {
        var result = new List<string>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                result.Add(line[6..]);
                if (line == "data: [DONE]")
                {
                    break;
                }
            }
        }

        return result;
    }
}
