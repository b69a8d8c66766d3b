namespace LiteAspire.Admin.ProxyApi.Keys;

/// <summary>The body of <c>/key/block</c>, <c>/key/unblock</c> and <c>/key/regenerate</c>: the key by its hash.</summary>
/// <param name="Key">The key's hash.</param>
public sealed record KeyReference(string Key);

/// <summary>The body of <c>POST /key/delete</c>.</summary>
/// <param name="Keys">Hashes of the keys to delete.</param>
public sealed record DeleteKeysRequest(IReadOnlyList<string> Keys);

/// <summary>The answer of <c>POST /key/delete</c>.</summary>
/// <param name="DeletedKeys">The keys deleted, as the request named them.</param>
public sealed record DeleteKeysResponse(IReadOnlyList<string> DeletedKeys);
