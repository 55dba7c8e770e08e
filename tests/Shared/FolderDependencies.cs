using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Soliday.Entries;

namespace Soliday.Testing;

/// <summary>One type of a folder using one type of another folder.</summary>
public sealed record TypeUse(string FromFolder, string FromType, string ToFolder, string ToType);

/// <summary>
/// Which folders of functions/Soliday use which, read from the compiled Soliday.dll: base types,
/// interfaces, generic constraints, fields, signatures, locals, caught exceptions, attributes and
/// every type, method and field a method body names (its IL). The compiled assembly, not the
/// source, so the Razor components count as the C# they become. A folder is a namespace under
/// Soliday (Soliday.Imaging.Containers is Imaging); Timeline/OpenData is its own row.
/// A constant or an enum member leaves no trace in IL (the compiler copies its value in), nor
/// does a nameof, so those are found in the source instead: every <c>Type.Name</c> of a constant
/// and every <c>nameof(Type…)</c> of a type of another folder, in a .cs or .razor file, outside
/// comment lines.
/// </summary>
public sealed class FolderDependencies
{
    private const string RootFolder = "(root)";
    private const string ProductNamespace = "Soliday";
    private const string OwnFolderInsideTimeline = "Timeline.OpenData";
    // Razor puts its generic-component helpers under __Blazor.<namespace of the component>.
    private const string RazorHelperPrefix = "__Blazor.";

    private FolderDependencies(ImmutableArray<TypeUse> uses, ImmutableSortedSet<string> folders)
    {
        Uses = uses;
        Folders = folders;
        Edges = uses.Select(use => Edge(use.FromFolder, use.ToFolder)).ToImmutableSortedSet(StringComparer.Ordinal);
    }

    /// <summary>Every use of a type in one folder by a type in another, once per pair of types.</summary>
    public ImmutableArray<TypeUse> Uses { get; }

    public ImmutableSortedSet<string> Folders { get; }

    /// <summary>Folder → folders it uses, as "From → To".</summary>
    public ImmutableSortedSet<string> Edges { get; }

    public static string Edge(string from, string to) => $"{from} → {to}";

    /// <summary>Soliday.dll as built beside the caller, and functions/Soliday above it.</summary>
    public static FolderDependencies OfSoliday() =>
        Of(typeof(SolidayOptions).Assembly.Location, SourceFolder(AppContext.BaseDirectory));

    public static FolderDependencies Of(string assemblyPath, string sourceFolder)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        return new Reading(pe).Read(sourceFolder);
    }

    private static string SourceFolder(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "functions", "Soliday");
            if (File.Exists(Path.Combine(source, "Soliday.csproj")))
            {
                return source;
            }
        }

        throw new DirectoryNotFoundException($"No functions/Soliday above {start}: the constants could not be read.");
    }

    /// <summary>The folder of a source file, by its path under functions/Soliday.</summary>
    private static string FolderOfFile(string sourceFolder, string file)
    {
        var directory = Path.GetDirectoryName(Path.GetRelativePath(sourceFolder, file)) ?? "";
        return directory.Length == 0
            ? RootFolder
            : FolderOf($"{ProductNamespace}.{directory.Replace(Path.DirectorySeparatorChar, '.')}");
    }

    private static IEnumerable<string> SourceFiles(string sourceFolder) =>
        Directory.EnumerateFiles(sourceFolder, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !Path.GetRelativePath(sourceFolder, file).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj"));

    public IReadOnlyList<string> UsedBy(string folder) =>
        [.. Uses.Where(use => use.FromFolder == folder).Select(use => use.ToFolder).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Pairs of folders that use each other, each pair once.</summary>
    public IReadOnlyList<(string First, string Second)> MutualPairs()
    {
        var edges = Edges;
        return [.. Folders.SelectMany(first => Folders
                .Where(second => string.CompareOrdinal(first, second) < 0
                    && edges.Contains(Edge(first, second)) && edges.Contains(Edge(second, first)))
                .Select(second => (first, second)))];
    }

    /// <summary>The knots: strongly connected sets of more than one folder (Tarjan).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => CyclesOf(Folders, Edges);

    public static IReadOnlyList<IReadOnlyList<string>> CyclesOf(IEnumerable<string> folders, IReadOnlySet<string> edges)
    {
        var all = folders.ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var knots = new List<IReadOnlyList<string>>();

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            foreach (var next in all.Where(other => edges.Contains(Edge(folder, other))))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[folder] = Math.Min(low[folder], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[folder] = Math.Min(low[folder], index[next]);
                }
            }

            if (low[folder] != index[folder])
            {
                return;
            }

            var knot = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                knot.Add(member);
            }
            while (member != folder);
            if (knot.Count > 1)
            {
                knots.Add([.. knot.Order(StringComparer.Ordinal)]);
            }
        }

        foreach (var folder in all.Where(folder => !index.ContainsKey(folder)))
        {
            Visit(folder);
        }

        return knots;
    }

    public static string FolderOf(string typeNamespace)
    {
        var name = typeNamespace.StartsWith(RazorHelperPrefix, StringComparison.Ordinal)
            ? typeNamespace[RazorHelperPrefix.Length..]
            : typeNamespace;
        if (name == ProductNamespace)
        {
            return RootFolder;
        }

        var inside = name[(ProductNamespace.Length + 1)..];
        return inside == OwnFolderInsideTimeline || inside.StartsWith(OwnFolderInsideTimeline + ".", StringComparison.Ordinal)
            ? "Timeline/OpenData"
            : inside.Split('.')[0];
    }

    private static bool IsProduct(string typeNamespace)
    {
        var name = typeNamespace.StartsWith(RazorHelperPrefix, StringComparison.Ordinal)
            ? typeNamespace[RazorHelperPrefix.Length..]
            : typeNamespace;
        return name == ProductNamespace || name.StartsWith(ProductNamespace + ".", StringComparison.Ordinal);
    }

    /// <summary>One pass over the metadata of one assembly.</summary>
    private sealed class Reading(PEReader pe) : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        private static readonly ImmutableArray<TypeDefinitionHandle> None = [];
        private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(code => code.Value, code => code.OperandType);

        private readonly MetadataReader reader = pe.GetMetadataReader();
        private readonly HashSet<TypeUse> uses = [];
        private TypeDefinitionHandle from;

        public FolderDependencies Read(string sourceFolder)
        {
            var folders = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in reader.TypeDefinitions)
            {
                if (Outermost(type) is not { } outer || !IsProduct(Namespace(outer)))
                {
                    continue;
                }

                folders.Add(FolderOf(Namespace(outer)));
                from = type;
                ReadType(reader.GetTypeDefinition(type));
            }

            ReadSourceOnlyUses(sourceFolder);

            return new FolderDependencies([.. uses.OrderBy(use => use.ToString(), StringComparer.Ordinal)], [.. folders]);
        }

        /// <summary>
        /// Where a file of one folder names a constant (or enum member) of another, or a type of
        /// another in a nameof: the compiler leaves neither in IL. Comment lines are skipped.
        /// </summary>
        private void ReadSourceOnlyUses(string sourceFolder)
        {
            var constants = reader.FieldDefinitions
                .Select(reader.GetFieldDefinition)
                .Where(field => field.Attributes.HasFlag(System.Reflection.FieldAttributes.Literal))
                .Where(field => Outermost(field.GetDeclaringType()) is { } outer && IsProduct(Namespace(outer)))
                .Select(field => (
                    Outer: Outermost(field.GetDeclaringType())!.Value,
                    Pattern: $@"\b{Regex.Escape(Name(field.GetDeclaringType()))}\.{Regex.Escape(reader.GetString(field.Name))}\b"));
            var named = reader.TypeDefinitions
                .Where(type => reader.GetTypeDefinition(type).GetDeclaringType().IsNil
                    && Outermost(type) is { } outer && IsProduct(Namespace(outer))
                    && !Name(type).Contains('<', StringComparison.Ordinal))
                .Select(type => (Outer: type, Pattern: $@"\bnameof\(\s*(?:[\w.]+\.)?{Regex.Escape(Name(type))}\b"));
            var searches = constants.Concat(named)
                .Select(search => (search.Outer, Pattern: new Regex(search.Pattern, RegexOptions.CultureInvariant)))
                .ToList();

            foreach (var file in SourceFiles(sourceFolder))
            {
                var fromFolder = FolderOfFile(sourceFolder, file);
                var code = string.Join('\n', File.ReadLines(file).Where(line => !IsCommentLine(line)));
                foreach (var (outer, pattern) in searches)
                {
                    var toFolder = FolderOf(Namespace(outer));
                    if (toFolder != fromFolder && pattern.IsMatch(code))
                    {
                        uses.Add(new TypeUse(fromFolder, Path.GetFileNameWithoutExtension(file), toFolder, Name(outer)));
                    }
                }
            }
        }

        private static bool IsCommentLine(string line)
        {
            var text = line.TrimStart();
            return text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("@*", StringComparison.Ordinal)
                || text.StartsWith('*');
        }

        private void ReadType(TypeDefinition type)
        {
            Note(type.BaseType);
            foreach (var implemented in type.GetInterfaceImplementations())
            {
                Note(reader.GetInterfaceImplementation(implemented).Interface);
            }

            NoteGenericParameters(type.GetGenericParameters());
            NoteAttributes(type.GetCustomAttributes());
            foreach (var handle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(handle);
                Note(field.DecodeSignature(this, null));
                NoteAttributes(field.GetCustomAttributes());
            }

            foreach (var handle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(handle);
                Note(property.DecodeSignature(this, null).ReturnType);
                NoteAttributes(property.GetCustomAttributes());
            }

            foreach (var handle in type.GetEvents())
            {
                var declared = reader.GetEventDefinition(handle);
                Note(declared.Type);
                NoteAttributes(declared.GetCustomAttributes());
            }

            foreach (var handle in type.GetMethods())
            {
                ReadMethod(reader.GetMethodDefinition(handle));
            }
        }

        private void ReadMethod(MethodDefinition method)
        {
            var signature = method.DecodeSignature(this, null);
            Note(signature.ReturnType);
            foreach (var parameter in signature.ParameterTypes)
            {
                Note(parameter);
            }

            NoteGenericParameters(method.GetGenericParameters());
            NoteAttributes(method.GetCustomAttributes());
            foreach (var parameter in method.GetParameters())
            {
                NoteAttributes(reader.GetParameter(parameter).GetCustomAttributes());
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null))
                {
                    Note(local);
                }
            }

            foreach (var region in body.ExceptionRegions)
            {
                Note(region.CatchType);
            }

            ReadInstructions(body.GetILReader());
        }

        /// <summary>Every type, method and field token an instruction names.</summary>
        private void ReadInstructions(BlobReader il)
        {
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                switch (Operands[code])
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                        Note(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        il.Offset += 4 * il.ReadInt32();
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig
                        or OperandType.InlineString or OperandType.ShortInlineR:
                        il.Offset += 4;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    default:
                        break;
                }
            }
        }

        private void NoteGenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var parameter in parameters)
            {
                foreach (var constraint in reader.GetGenericParameter(parameter).GetConstraints())
                {
                    Note(reader.GetGenericParameterConstraint(constraint).Type);
                }
            }
        }

        private void NoteAttributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var attribute in attributes)
            {
                Note(reader.GetCustomAttribute(attribute).Constructor);
            }
        }

        private void Note(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    NoteType((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    Note(GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)handle, 0));
                    break;
                case HandleKind.MethodDefinition:
                    NoteType(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    NoteType(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    Note(reader.GetMemberReference((MemberReferenceHandle)handle).Parent);
                    break;
                case HandleKind.MethodSpecification:
                    var instance = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Note(instance.Method);
                    foreach (var argument in instance.DecodeSignature(this, null))
                    {
                        Note(argument);
                    }

                    break;
                default:
                    break; // a type of another assembly, a string or a standalone signature
            }
        }

        private void Note(ImmutableArray<TypeDefinitionHandle> types)
        {
            foreach (var type in types)
            {
                NoteType(type);
            }
        }

        private void NoteType(TypeDefinitionHandle to)
        {
            if (Outermost(from) is not { } fromOuter || Outermost(to) is not { } toOuter || !IsProduct(Namespace(toOuter)))
            {
                return;
            }

            var fromFolder = FolderOf(Namespace(fromOuter));
            var toFolder = FolderOf(Namespace(toOuter));
            if (fromFolder != toFolder)
            {
                uses.Add(new TypeUse(fromFolder, Name(fromOuter), toFolder, Name(toOuter)));
            }
        }

        /// <summary>The type a nested (often compiler-made) type is declared in, at the top.</summary>
        private TypeDefinitionHandle? Outermost(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
            {
                handle = outer;
                type = reader.GetTypeDefinition(handle);
            }

            return reader.GetString(type.Namespace).Length == 0 ? null : handle;
        }

        private string Namespace(TypeDefinitionHandle handle) =>
            reader.GetString(reader.GetTypeDefinition(handle).Namespace);

        private string Name(TypeDefinitionHandle handle)
        {
            var name = reader.GetString(reader.GetTypeDefinition(handle).Name);
            var arity = name.IndexOf('`', StringComparison.Ordinal);
            return arity < 0 ? name : name[..arity];
        }

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => None;

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(argument => argument)];

        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(parameter => parameter)];

        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? genericContext, int index) => None;

        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? genericContext, int index) => None;

        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;
    }
}
