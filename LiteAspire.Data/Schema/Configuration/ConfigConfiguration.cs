using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class ConfigConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<Config>
{
    private const string Table = "LiteLLM_Config";

    public void Configure(EntityTypeBuilder<Config> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.ParamName).HasName(PrismaNames.PrimaryKey(Table));
        builder.Property(x => x.ParamValue).IsJson(dialect);
    }
}
