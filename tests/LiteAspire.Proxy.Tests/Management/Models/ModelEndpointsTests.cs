using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Management.Models;

[Collection(ManagementTests.Name)]
public sealed class ModelEndpointsTests(ManagementFixture fixture)
{
    private string ApiBase => fixture.Upstream.BaseUri + "v1";

    [Fact]
    public async Task New_RoutesAtOnceOnEveryReplica_WithTheKeyEncryptedAtRest()
    {
        var replica = fixture.StartProxy();
        using var second = fixture.Client(ManagementFixture.MasterKey, replica);
        var name = ManagementFixture.NewId("stored");
        var secret = "sk-stored-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.BadRequest, (await ChatAsync(second, name)).Status);

        var created = await fixture.AdminPostAsync("/model/new", new
        {
            model_name = name,
            litellm_params = new { model = $"openai/{name}-upstream", api_base = ApiBase, api_key = secret, rpm = 100 },
            model_info = new { mode = "chat" },
        });

        var id = created["model_info"]!["id"]!.GetValue<string>();
        Assert.Equal(id, created["model_id"]!.GetValue<string>());
        Assert.Null(created["litellm_params"]!["api_key"]);
        Assert.Equal(ApiBase, created["litellm_params"]!["api_base"]!.GetValue<string>());

        var (status, _) = await ChatAsync(fixture.Admin, name);
        Assert.Equal(HttpStatusCode.OK, status);
        var upstream = fixture.Upstream.Requests.Last(r => r.Body.Contains($"{name}-upstream", StringComparison.Ordinal));
        Assert.Equal($"Bearer {secret}", upstream.Header("authorization"));
        Assert.True(await EventuallyAsync(async () => (await ChatAsync(second, name)).Status == HttpStatusCode.OK), "the other replica never routed the new model");

        // A replica started afterwards loads it at start.
        using var third = fixture.Client(ManagementFixture.MasterKey, fixture.StartProxy());
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(third, name)).Status);

        var row = await ReadDbAsync(fixture, db => db.ProxyModels.SingleAsync(m => m.ModelId == id));
        Assert.Equal(name, row.ModelName);
        Assert.DoesNotContain(secret, row.LitellmParams, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Upstream.BaseUri.Host, row.LitellmParams, StringComparison.Ordinal);
        Assert.Equal(100, JsonNode.Parse(row.LitellmParams)!["rpm"]!.GetValue<int>());
        Assert.Equal("chat", JsonNode.Parse(row.ModelInfo!)!["mode"]!.GetValue<string>());

        foreach (var path in new[] { "/model/info", "/v1/model/info" })
        {
            var (infoStatus, info) = await GetAsync(fixture.Admin, path);
            Assert.Equal(HttpStatusCode.OK, infoStatus);
            Assert.DoesNotContain(secret, info!.ToJsonString(), StringComparison.Ordinal);
            var entry = info["data"]!.AsArray().Single(d => d!["model_info"]!["id"]!.GetValue<string>() == id)!;
            Assert.Equal(name, entry["model_name"]!.GetValue<string>());
            Assert.True(entry["model_info"]!["db_model"]!.GetValue<bool>());
            Assert.Equal($"openai/{name}-upstream", entry["litellm_params"]!["model"]!.GetValue<string>());
            Assert.Contains(info["data"]!.AsArray(), d => d!["model_name"]!.GetValue<string>() == "gpt-4o" && !d["model_info"]!["db_model"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Update_ChangesRoutingOnEveryReplica()
    {
        using var second = fixture.Client(ManagementFixture.MasterKey, fixture.StartProxy());
        var name = ManagementFixture.NewId("stored");
        var id = ManagementFixture.NewId("model-id");
        await fixture.AdminPostAsync("/model/new", new
        {
            model_name = name,
            litellm_params = new { model = $"openai/{name}-v1", api_base = ApiBase, api_key = "sk-first" },
            model_info = new { id },
        });
        Assert.True(await EventuallyAsync(async () => (await ChatAsync(second, name)).Status == HttpStatusCode.OK), "the other replica never routed the new model");

        var patched = await SendAsync(HttpMethod.Patch, $"/model/{id}/update", new { litellm_params = new { model = $"openai/{name}-v2" } });
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal($"openai/{name}-v2", patched.Body!["litellm_params"]!["model"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(fixture.Admin, name)).Status);
        Assert.Contains($"{name}-v2", fixture.Upstream.LastRequest.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer sk-first", fixture.Upstream.LastRequest.Header("authorization"));
        Assert.True(await EventuallyAsync(async () =>
        {
            var (status, _) = await ChatAsync(second, name);
            return status == HttpStatusCode.OK && fixture.Upstream.LastRequest.Body.Contains($"{name}-v2", StringComparison.Ordinal);
        }), "the other replica kept the old params");

        var renamed = name + "-renamed";
        await fixture.AdminPostAsync("/model/update", new { model_name = renamed, model_info = new { id, note = "moved" } });
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(fixture.Admin, renamed)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChatAsync(fixture.Admin, name)).Status);
        var row = await ReadDbAsync(fixture, db => db.ProxyModels.SingleAsync(m => m.ModelId == id));
        Assert.Equal(renamed, row.ModelName);
        Assert.Equal("moved", JsonNode.Parse(row.ModelInfo!)!["note"]!.GetValue<string>());
        Assert.DoesNotContain("sk-first", row.LitellmParams, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ModelIsGoneOnEveryReplica()
    {
        using var second = fixture.Client(ManagementFixture.MasterKey, fixture.StartProxy());
        var name = ManagementFixture.NewId("stored");
        var created = await fixture.AdminPostAsync("/model/new", new
        {
            model_name = name, litellm_params = new { model = $"openai/{name}", api_base = ApiBase, api_key = "sk-x" },
        });
        var id = created["model_info"]!["id"]!.GetValue<string>();
        Assert.True(await EventuallyAsync(async () => (await ChatAsync(second, name)).Status == HttpStatusCode.OK));

        var deleted = await fixture.AdminPostAsync("/model/delete", new { id });

        Assert.Equal($"Model: {id} deleted successfully", deleted["message"]!.GetValue<string>());
        var (status, body) = await ChatAsync(fixture.Admin, name);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Invalid model name", ErrorMessage(body), StringComparison.Ordinal);
        Assert.True(await EventuallyAsync(async () => (await ChatAsync(second, name)).Status == HttpStatusCode.BadRequest), "the other replica still routes a deleted model");
        Assert.False(await ReadDbAsync(fixture, db => db.ProxyModels.AnyAsync(m => m.ModelId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(fixture.Admin, "/model/delete", new { id })).Status);
    }

    public static TheoryData<string, string> BadNewBodies() => new()
    {
        { """{"model_name": "NAME", "litellm_params": {"api_key": "sk-1"}}""", "litellm_params.model" },
        { """{"model_name": "NAME", "litellm_params": {"model": ""}}""", "litellm_params.model" },
        { """{"model_name": "NAME"}""", "litellm_params" },
        { """{"litellm_params": {"model": "openai/x"}}""", "model_name" },
        { """{"model_name": "NAME", "litellm_params": {"model": "openai/x", "rpm": "many"}}""", "litellm_params.rpm" },
        { """{"model_name": "NAME", "litellm_params": {"model": "openai/x", "timeout": -1}}""", "litellm_params.timeout" },
        { """{"model_name": "NAME", "litellm_params": {"model": 5}}""", "litellm_params.model" },
        { """{"model_name": "NAME", "litellm_params": "openai/x"}""", "litellm_params" },
        { """{"model_name": "NAME", "litellm_params": {"model": "openai/x"}, "model_info": {"id": 7}}""", "model_info.id" },
    };

    [Theory]
    [MemberData(nameof(BadNewBodies))]
    public async Task New_BadInput_400AndNothingStored(string template, string param)
    {
        var name = ManagementFixture.NewId("bad");

        var (status, body) = await PostAsync(fixture.Admin, "/model/new", template.Replace("NAME", name));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, body!["error"]!["param"]!.GetValue<string>());
        Assert.False(await ReadDbAsync(fixture, db => db.ProxyModels.AnyAsync(m => m.ModelName == name)));
    }

    [Fact]
    public async Task New_DuplicateIds_400()
    {
        var id = ManagementFixture.NewId("model-id");
        await fixture.AdminPostAsync("/model/new", new { model_name = ManagementFixture.NewId("m"), litellm_params = new { model = "openai/a" }, model_info = new { id } });
        var configId = await ConfigModelIdAsync();
        var name = ManagementFixture.NewId("dup");

        var (stored, storedBody) = await PostAsync(fixture.Admin, "/model/new", new { model_name = name, litellm_params = new { model = "openai/b" }, model_info = new { id } });
        var (config, _) = await PostAsync(fixture.Admin, "/model/new", new { model_name = name, litellm_params = new { model = "openai/b" }, model_info = new { id = configId } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (stored, config));
        Assert.Contains("already exists", ErrorMessage(storedBody), StringComparison.Ordinal);
        Assert.False(await ReadDbAsync(fixture, db => db.ProxyModels.AnyAsync(m => m.ModelName == name)));
    }

    [Fact]
    public async Task UpdateAndDelete_UnknownIs404_ConfigModelIs400_BadParamsChangeNothing()
    {
        var configId = await ConfigModelIdAsync();
        var id = ManagementFixture.NewId("model-id");
        await fixture.AdminPostAsync("/model/new", new { model_name = ManagementFixture.NewId("m"), litellm_params = new { model = "openai/kept" }, model_info = new { id } });

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(fixture.Admin, "/model/update", new { model_info = new { id = "no-such-model-id" }, model_name = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(fixture.Admin, "/model/update", new { model_name = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(fixture.Admin, "/model/update", new { model_info = new { id = configId }, model_name = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(fixture.Admin, "/model/delete", new { id = configId })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Patch, "/model/no-such-model-id/update", new { model_name = "x" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Patch, $"/model/{id}/update", new { litellm_params = new { rpm = -5 } })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Patch, $"/model/{id}/update", new { litellm_params = new { model = "" } })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(fixture.Admin, "/model/delete", new { })).Status);

        var (_, info) = await GetAsync(fixture.Admin, $"/model/info?litellm_model_id={id}");
        Assert.Equal("openai/kept", info!["data"]![0]!["litellm_params"]!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyProxyAdminsChangeModels()
    {
        var id = ManagementFixture.NewId("model-id");
        await fixture.AdminPostAsync("/model/new", new { model_name = ManagementFixture.NewId("m"), litellm_params = new { model = "openai/kept" }, model_info = new { id } });
        var viewerKey = await KeyWithRoleAsync(fixture, LiteLLMRoles.ProxyAdminViewer);
        var internalKey = await KeyWithRoleAsync(fixture, LiteLLMRoles.InternalUser);
        var name = ManagementFixture.NewId("refused");

        foreach (var key in new[] { viewerKey, internalKey })
        {
            using var client = fixture.Client(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/model/new", new { model_name = name, litellm_params = new { model = "openai/x" } })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/model/update", new { model_info = new { id }, model_name = name })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Patch, $"/model/{id}/update", new { model_name = name }, key)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "/model/delete", new { id })).Status);
        }

        using var viewer = fixture.Client(viewerKey);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(viewer, "/model/info")).Status);
        Assert.False(await ReadDbAsync(fixture, db => db.ProxyModels.AnyAsync(m => m.ModelName == name)));
        Assert.True(await ReadDbAsync(fixture, db => db.ProxyModels.AnyAsync(m => m.ModelId == id)));
    }

    private async Task<string> ConfigModelIdAsync()
    {
        var (_, info) = await GetAsync(fixture.Admin, "/model/info");
        return info!["data"]!.AsArray().First(d => d!["model_name"]!.GetValue<string>() == "gpt-4o")!["model_info"]!["id"]!.GetValue<string>();
    }

    private static Task<(HttpStatusCode Status, JsonNode? Body)> ChatAsync(HttpClient client, string model) =>
        PostAsync(client, "/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = "hi" } } });

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object body, string? key = null)
    {
        using var client = fixture.Client(key ?? ManagementFixture.MasterKey);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
