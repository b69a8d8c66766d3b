using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using LiteAspire.Proxy.Providers;

namespace LiteAspire.Proxy.Tests.Providers.Gemini;

/// <summary>Fixtures and calls for the Gemini and Vertex AI tests.</summary>
internal static class GoogleTestData
{
    public static string Fixture(string name, string provider = "Gemini") =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Providers", provider, "Fixtures", name));

    public static JsonObject FixtureJson(string name, string provider = "Gemini") => JsonNode.Parse(Fixture(name, provider))!.AsObject();

    public static ResolvedDeployment Deployment(string provider = "gemini", string model = "gemini-2.5-flash", string? apiBase = null,
        string? apiKey = "test-key", Dictionary<string, object?>? parameters = null) => new()
    {
        ModelGroup = "google-model",
        Id = "deployment-1",
        Provider = provider,
        UpstreamModel = model,
        ApiBase = apiBase,
        ApiKey = apiKey,
        Params = parameters ?? [],
    };

    public static ChatCall Call(JsonObject request, ResolvedDeployment? deployment = null, bool dropParams = false) => new()
    {
        Deployment = deployment ?? Deployment(),
        Request = request,
        DropParams = dropParams,
    };

    public static ChatCall Call(string requestJson, bool dropParams = false) => Call(JsonNode.Parse(requestJson)!.AsObject(), dropParams: dropParams);

    public static async Task<List<JsonObject>> CollectAsync(IAsyncEnumerable<JsonObject> chunks)
    {
        var list = new List<JsonObject>();
        await foreach (var chunk in chunks)
        {
            list.Add(chunk);
        }

        return list;
    }

    public static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static void AssertJsonEqual(JsonNode expected, JsonNode? actual, [CallerArgumentExpression(nameof(actual))] string? what = null) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what}\nexpected: {expected.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
}
