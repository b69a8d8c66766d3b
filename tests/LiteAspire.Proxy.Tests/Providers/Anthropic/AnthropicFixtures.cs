using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Tests.Providers.Anthropic;

/// <summary>Reads the documented examples under Fixtures/ and compares JSON structurally.</summary>
internal static class AnthropicFixtures
{
    public static string Text(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public static JsonObject Provider(string name) => Json("Providers/Anthropic/Fixtures/" + name);

    public static JsonObject Api(string name) => Json("AnthropicApi/Fixtures/" + name);

    public static JsonObject Json(string relativePath) => (JsonObject)JsonNode.Parse(Text(relativePath))!;

    public static MemoryStream Stream(string name) => new(Encoding.UTF8.GetBytes(Text("Providers/Anthropic/Fixtures/" + name)));

    public static ChatCall Call(JsonObject request, bool dropParams = false, string? apiKey = "sk-ant-test", string? apiBase = null,
        Dictionary<string, string>? forwardedHeaders = null) => new()
    {
        Deployment = new ResolvedDeployment
        {
            ModelGroup = "claude",
            Id = "deployment-1",
            Provider = "anthropic",
            UpstreamModel = request["model"]?.GetValue<string>() ?? "claude-sonnet-4-5",
            ApiKey = apiKey,
            ApiBase = apiBase,
        },
        Request = request,
        DropParams = dropParams,
        ForwardedHeaders = forwardedHeaders ?? new Dictionary<string, string>(),
    };

    public static void AssertJsonEqual(JsonNode? expected, JsonNode? actual, [CallerArgumentExpression(nameof(actual))] string what = "")
    {
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{what} differs.\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    public static async Task<List<JsonObject>> CollectAsync(IAsyncEnumerable<JsonObject> items)
    {
        var list = new List<JsonObject>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
