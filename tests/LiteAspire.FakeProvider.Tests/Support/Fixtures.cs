using System.Text.Json.Nodes;

namespace LiteAspire.FakeProvider.Tests.Support;

/// <summary>The providers' documented example requests under Fixtures/.</summary>
public static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>The fixture with a top-level property changed (e.g. "stream": true).</summary>
    public static string With(string name, string property, JsonNode? value)
    {
        var json = JsonNode.Parse(Read(name))!.AsObject();
        json[property] = value;
        return json.ToJsonString();
    }
}
