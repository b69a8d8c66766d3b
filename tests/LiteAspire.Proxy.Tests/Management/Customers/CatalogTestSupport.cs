using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Customers;

/// <summary>Helpers shared by the customer, budget and model management tests: keys of a given role, database reads, polling.</summary>
internal static class CatalogTestSupport
{
    /// <summary>A virtual key whose user has <paramref name="role"/>, written straight to the database.</summary>
    public static async Task<string> KeyWithRoleAsync(ManagementFixture fixture, string role)
    {
        var key = "sk-" + Guid.NewGuid().ToString("N");
        var userId = ManagementFixture.NewId("user");
        await using var scope = fixture.Proxy.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
        db.Users.Add(new UserTable { UserId = userId, UserRole = role });
        db.VerificationTokens.Add(new VerificationToken { Token = VirtualKeys.Hash(key), KeyName = VirtualKeys.DisplayName(key), UserId = userId });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Runs <paramref name="read"/> on a fresh DbContext of the shared database.</summary>
    public static async Task<T> ReadDbAsync<T>(ManagementFixture fixture, Func<LiteLLMDbContext, Task<T>> read)
    {
        await using var scope = fixture.Proxy.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>());
    }

    /// <summary>POSTs <paramref name="body"/> (raw JSON when a string) and returns status and parsed body.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = body is string raw
            ? await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(raw, System.Text.Encoding.UTF8, "application/json"))
            : await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>GETs <paramref name="path"/> and returns status and parsed body.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>The error message of an OpenAI-shaped error body.</summary>
    public static string ErrorMessage(JsonNode? body) => body?["error"]?["message"]?.GetValue<string>() ?? $"(no error message in {body?.ToJsonString()})";

    /// <summary>Retries <paramref name="check"/> until it holds or <paramref name="timeout"/> passes (changes reach other replicas through Redis).</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> check, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await check())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<JsonNode?> ParseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
