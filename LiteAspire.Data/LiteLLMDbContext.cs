using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data;

/// <summary>The LiteLLM database (PostgreSQL, or the embedded SQLite fallback); its tables arrive with the schema.</summary>
/// <remarks>The model is deliberately empty until the schema issue adds LiteLLM's tables and migrations.</remarks>
public sealed class LiteLLMDbContext(DbContextOptions<LiteLLMDbContext> options) : DbContext(options);
