using System.Text.Json.Serialization;

namespace LiteAspire.Proxy.Auth;

/// <summary>Source-generated JSON for the Redis key cache.</summary>
[JsonSerializable(typeof(ApiKeyAuth))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
