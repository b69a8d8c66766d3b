using System.Text.Json;

namespace LiteAspire.Admin.Tests.Support;

/// <summary>Reading what a page sent to the proxy.</summary>
internal static class SentJson
{
    /// <summary>The body of the only request to <paramref name="path"/>.</summary>
    public static JsonElement BodyOf(FakeProxyApi proxy, string path)
    {
        var request = Assert.Single(proxy.To(path));
        Assert.Equal("POST", request.Method);
        using var document = JsonDocument.Parse(request.Body ?? "null");
        return document.RootElement.Clone();
    }

    /// <summary>The property names of an object, sorted.</summary>
    public static string[] Names(JsonElement body) => body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
