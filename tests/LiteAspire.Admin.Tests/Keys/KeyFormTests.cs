using System.Text.Json;
using System.Text.Json.Nodes;
using LiteAspire.Admin.Components.Pages.Keys;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Keys;

namespace LiteAspire.Admin.Tests.Keys;

public class KeyFormTests
{
    private static VirtualKey CiBot() => JsonSerializer.Deserialize<KeyList>(KeyFixtures.KeyListPage, ProxyJson.Options)!.Keys[1];

    [Fact]
    public void ToUpdateBody_ModelsReordered_IsNoChange()
    {
        var key = CiBot() with { Models = ["fake-gpt", "fake-mini"] };
        var form = KeyForm.From(key);
        form.Models = ["fake-mini", "fake-gpt"];

        Assert.Equal(["key"], form.ToUpdateBody(key).Json.Select(p => p.Key));
    }

    [Fact]
    public void ToUpdateBody_TeamRemovedAndModelsCleared_SendsNullTeamAndEmptyModels()
    {
        var key = CiBot();
        var form = KeyForm.From(key);
        form.TeamId = null;
        form.Models = [];

        var body = form.ToUpdateBody(key).Json;

        Assert.Null(body["team_id"]);
        Assert.True(body.ContainsKey("team_id"));
        Assert.Empty(body["models"]!.AsArray());
    }

    [Fact]
    public void ToUpdateBody_MetadataEmptied_SendsAnEmptyObject()
    {
        var key = CiBot();
        var form = KeyForm.From(key);
        form.MetadataJson = " ";

        Assert.True(JsonNode.DeepEquals(new JsonObject(), form.ToUpdateBody(key).Json["metadata"]));
    }

    [Fact]
    public void ToGenerateRequest_BlankTextFields_AreLeftOut()
    {
        var form = new KeyForm { Alias = "  ", Duration = "", TeamId = " ", MetadataJson = "" };

        var json = JsonSerializer.Serialize(form.ToGenerateRequest(), ProxyJson.Options);

        Assert.Equal("{}", json);
    }

    [Theory]
    [InlineData(-1.0, null, "Max budget cannot be negative.")]
    [InlineData(null, -5L, "Limits cannot be negative.")]
    public void Validate_NegativeNumbers_AreRefused(double? budget, long? tpm, string expected)
    {
        var form = new KeyForm { MaxBudget = budget, TpmLimit = tpm };

        Assert.Contains(expected, form.Validate());
    }

    [Theory]
    [InlineData("30s", true)]
    [InlineData("30m", true)]
    [InlineData("12h", true)]
    [InlineData("30d", true)]
    [InlineData("1w", true)]
    [InlineData("1mo", true)]
    [InlineData("", true)]
    [InlineData("0d", false)]
    [InlineData("30", false)]
    [InlineData("d30", false)]
    [InlineData("30 days", false)]
    public void Durations_AcceptLiteLLMsForms(string value, bool valid) => Assert.Equal(valid, Durations.IsValid(value));
}
