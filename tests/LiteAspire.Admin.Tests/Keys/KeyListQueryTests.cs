using LiteAspire.Admin.ProxyApi.Keys;
using Microsoft.AspNetCore.WebUtilities;

namespace LiteAspire.Admin.Tests.Keys;

public class KeyListQueryTests
{
    private static Dictionary<string, string> Parameters(KeyListQuery query)
    {
        var pathAndQuery = query.ToPathAndQuery();
        Assert.StartsWith("/key/list?", pathAndQuery, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(pathAndQuery[pathAndQuery.IndexOf('?', StringComparison.Ordinal)..])
            .ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    [Fact]
    public void Default_AsksForThePageSizeAndFullRowsOnly()
    {
        Assert.Equal(
            new Dictionary<string, string> { ["page"] = "1", ["size"] = "25", ["return_full_object"] = "true" },
            Parameters(new KeyListQuery()));
    }

    [Fact]
    public void Filters_AreSentTrimmedAndEscaped()
    {
        var parameters = Parameters(new KeyListQuery
        {
            Page = 3, Size = 50, Search = " my key & co ", TeamId = "team a", UserId = "bob@example.com", OrganizationId = "org-1", IncludeTeamKeys = true,
        });

        Assert.Equal("3", parameters["page"]);
        Assert.Equal("50", parameters["size"]);
        Assert.Equal("my key & co", parameters["key_alias"]);
        Assert.Equal("team a", parameters["team_id"]);
        Assert.Equal("bob@example.com", parameters["user_id"]);
        Assert.Equal("org-1", parameters["organization_id"]);
        Assert.Equal("true", parameters["include_team_keys"]);
    }

    [Theory]
    [InlineData("ci-bot", "ci-bot", null)]
    [InlineData("sk-...YcZQ", "sk-...YcZQ", null)]
    [InlineData("sk-4Cj1FVZ8uUH1LsmBNkYcZQ", null, KeyFixtures.CiBotToken)]
    [InlineData("EE4C5FF61192F0064883E7F51CB352A2E716A0FFAD18B7177BC6809123FC7AF2", null, KeyFixtures.CiBotToken)]
    [InlineData("  ", null, null)]
    public void Search_IsAnAliasAKeyOrAHash(string text, string? alias, string? hash)
    {
        Assert.Equal(new KeySearch(alias, hash), KeySearch.Parse(text));
    }
}
