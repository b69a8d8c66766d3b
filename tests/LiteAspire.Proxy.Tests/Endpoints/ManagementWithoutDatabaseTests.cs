using System.Net;
using System.Text;

namespace LiteAspire.Proxy.Tests.Endpoints;

/// <summary>The gateway fixture has a master key and no database: the management API answers, but only to say so.</summary>
[Collection(SharedGateway.Name)]
public sealed class ManagementWithoutDatabaseTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("POST", "/key/generate")]
    [InlineData("GET", "/key/info?key=sk-1")]
    [InlineData("POST", "/team/new")]
    [InlineData("PATCH", "/organization/update")]
    [InlineData("POST", "/end_user/block")]
    [InlineData("GET", "/budget/list")]
    [InlineData("POST", "/model/new")]
    [InlineData("PATCH", "/model/abc/update")]
    public async Task ManagementRoute_MasterKeyNoDatabase_503NoDbConnection(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

        var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = (await response.ReadObjectAsync())["error"]!;
        Assert.Equal("no_db_connection", error["type"]!.GetValue<string>());
        Assert.StartsWith("DB not connected.", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementRoute_NoKeyNoDatabase_401First()
    {
        using var client = gateway.Factory.CreateClient();

        var response = await client.PostAsync(new Uri("/key/generate", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("auth_error", (await response.ReadObjectAsync())["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModelInfo_NoDatabase_StillTheLlmRoute()
    {
        var response = await gateway.Client.GetAsync(new Uri("/model/info", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ReadObjectAsync())["data"]!.AsArray());
    }
}
