using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.Admin.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback port standing in for the proxy: <c>/health/readiness</c> answers the way it is told
/// to, and <c>/auth/me</c> knows the keys (and their roles) a test gives it. For single sign-on, <c>/user/list</c> finds the
/// <see cref="Users"/> a test adds, <c>/key/generate</c> makes session keys that <c>/auth/me</c> then knows, and
/// <c>/key/delete</c> forgets them; every request is kept in <see cref="Requests"/>.
/// </summary>
internal sealed class FakeProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeProxy(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl => _app.Urls.First();

    /// <summary>The Authorization header of the last readiness request.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>The users <c>/user/list</c> knows.</summary>
    public ConcurrentQueue<FakeProxyUser> Users { get; } = new();

    /// <summary>The keys <c>/key/generate</c> made and <c>/key/delete</c> has not deleted, with their owners.</summary>
    public ConcurrentDictionary<string, FakeProxyUser> GeneratedKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<FakeProxyRequest> Requests { get; } = new();

    /// <summary>Starts the fake; <paramref name="roles"/> maps each valid key to its LiteLLM role.</summary>
    public static async Task<FakeProxy> StartAsync(int statusCode, string body, IReadOnlyDictionary<string, string>? roles = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new FakeProxy(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            proxy.Requests.Enqueue(new FakeProxyRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
                body, BearerOf(context)));
            await next();
        });
        app.MapGet("/health/readiness", (HttpContext context) =>
        {
            proxy.LastAuthorization = context.Request.Headers.Authorization;
            return Results.Text(body, "application/json", statusCode: statusCode);
        });
        app.MapGet("/auth/me", (HttpContext context) =>
        {
            var key = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
            if (proxy.GeneratedKeys.TryGetValue(key, out var owner))
            {
                return Results.Json(new { user_id = owner.UserId, user_role = owner.UserRole, team_id = "litellm-dashboard", key_alias = (string?)null,
                    key_name = $"sk-...{key[^4..]}", is_master_key = false });
            }

            return roles is not null && roles.TryGetValue(key, out var role)
                ? Results.Json(new { user_id = role == "proxy_admin" ? null : "user-1", user_role = role, is_master_key = role == "proxy_admin" })
                : Results.Json(new { error = new { message = "Authentication Error, Invalid proxy server token passed.", type = "auth_error", code = "401" } }, statusCode: 401);
        });
        app.MapGet("/user/list", (HttpContext context) => proxy.ListUsers(context.Request.Query));
        app.MapPost("/key/generate", async (HttpRequest request) => proxy.Generate(await JsonNode.ParseAsync(request.Body) as JsonObject));
        app.MapPost("/key/delete", async (HttpRequest request) => proxy.Delete(await JsonNode.ParseAsync(request.Body) as JsonObject));
        await app.StartAsync();
        return proxy;
    }

    /// <summary>The requests to <paramref name="path"/>.</summary>
    public IReadOnlyList<FakeProxyRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    private static string? BearerOf(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { Length: > 7 } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header[7..]
            : null;

    // The proxy's filters: sso_user_ids (exact, comma separated), user_email (a part, any case); paged, newest first.
    private IResult ListUsers(IQueryCollection query)
    {
        var page = int.TryParse(query["page"], out var p) ? p : 1;
        var size = int.TryParse(query["page_size"], out var s) ? s : 25;
        IEnumerable<FakeProxyUser> users = Users.Reverse();
        if (query["sso_user_ids"].ToString() is { Length: > 0 } ssoIds)
        {
            var ids = ssoIds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            users = users.Where(u => u.SsoUserId is not null && ids.Contains(u.SsoUserId));
        }

        if (query["user_email"].ToString() is { Length: > 0 } email)
        {
            users = users.Where(u => u.UserEmail?.Contains(email, StringComparison.OrdinalIgnoreCase) == true);
        }

        var all = users.ToList();
        var rows = all.Skip((page - 1) * size).Take(size).Select(u => u.ToJson()).ToArray();
        return Results.Json(new
        {
            users = rows,
            total = all.Count,
            page,
            page_size = size,
            total_pages = (all.Count + size - 1) / size,
        });
    }

    // Like the proxy: only for a known user; the key is in this answer only.
    private IResult Generate(JsonObject? body)
    {
        var userId = body?["user_id"]?.GetValue<string>();
        var owner = Users.FirstOrDefault(u => u.UserId == userId);
        if (owner is null)
        {
            return Results.Json(new { error = new { message = $"User not found, passed user_id={userId}.", type = "bad_request_error", param = "user_id", code = "400" } },
                statusCode: 400);
        }

        var key = "sk-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        GeneratedKeys[key] = owner;
        var now = DateTime.UtcNow;
        var answer = new JsonObject
        {
            ["key"] = key,
            ["key_name"] = $"sk-...{key[^4..]}",
            ["token"] = Hash(key),
            ["token_id"] = Hash(key),
            ["expires"] = now.AddHours(8).ToString("O"),
            ["duration"] = body?["duration"]?.DeepClone(),
            ["user_id"] = owner.UserId,
            ["team_id"] = body?["team_id"]?.DeepClone(),
            ["metadata"] = body?["metadata"]?.DeepClone() ?? new JsonObject(),
            ["models"] = new JsonArray(),
            ["spend"] = 0,
            ["created_at"] = now.ToString("O"),
            ["created_by"] = "default_user_id",
        };
        return Results.Text(answer.ToJsonString(), "application/json");
    }

    private IResult Delete(JsonObject? body)
    {
        var names = body?["keys"]?.AsArray().Select(k => k!.GetValue<string>()).ToList() ?? [];
        foreach (var name in names)
        {
            var key = GeneratedKeys.Keys.FirstOrDefault(k => k == name || Hash(k) == name);
            if (key is null)
            {
                return Results.Json(new { error = new { message = "Key not found", type = "not_found_error", param = "keys", code = "404" } }, statusCode: 404);
            }

            GeneratedKeys.TryRemove(key, out _);
        }

        return Results.Json(new { deleted_keys = names });
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A LiteLLM user as <c>/user/list</c> shows it.</summary>
internal sealed record FakeProxyUser(string UserId, string? UserEmail, string UserRole, string? SsoUserId = null)
{
    /// <summary>The proxy's user row (shape copied from a real <c>GET /user/list</c> answer).</summary>
    public JsonObject ToJson() => new()
    {
        ["user_id"] = UserId,
        ["user_alias"] = null,
        ["user_email"] = UserEmail,
        ["user_role"] = UserRole,
        ["team_id"] = null,
        ["organization_id"] = null,
        ["sso_user_id"] = SsoUserId,
        ["teams"] = new JsonArray(),
        ["max_budget"] = null,
        ["spend"] = 0,
        ["models"] = new JsonArray(),
        ["metadata"] = new JsonObject(),
        ["max_parallel_requests"] = null,
        ["tpm_limit"] = null,
        ["rpm_limit"] = null,
        ["budget_duration"] = null,
        ["budget_reset_at"] = null,
        ["allowed_cache_controls"] = new JsonArray(),
        ["policies"] = new JsonArray(),
        ["model_spend"] = new JsonObject(),
        ["model_max_budget"] = new JsonObject(),
        ["created_at"] = "2026-12-08T00:23:30.467Z",
        ["updated_at"] = "2026-12-08T00:23:30.467Z",
        ["key_count"] = 0,
    };
}

/// <summary>A request the fake proxy received.</summary>
internal sealed record FakeProxyRequest(string Method, string Path, string Query, string Body, string? BearerKey);
