using System.Reflection;
using System.Reflection.Emit;
using WorkTrackr.Web.Features;
using WorkTrackr.Web.Features.Platform;
using WorkTrackr.Web.Features.Resellers;
using WorkTrackr.Web.Features.Tickets;
using WorkTrackr.Web.Infrastructure.Jobs;

namespace WorkTrackr.Tests.Unit;

/// <summary>
/// The layering of WorkTrackr.Web, read from the compiled assembly: Infrastructure (the platform) never uses a feature,
/// and the features that would otherwise use each other both ways depend one way only.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ArchitectureTests
{
    private const string Infrastructure = "WorkTrackr.Web.Infrastructure";
    private const string Features = "WorkTrackr.Web.Features";

    private static readonly Type[] WebTypes = typeof(FeatureModules).Assembly.GetTypes();

    [Fact]
    public void Infrastructure_never_uses_a_feature() =>
        AssertNone(Uses(Infrastructure, Features));

    [Fact]
    public void Resellers_do_not_depend_on_Platform_which_manages_them()
    {
        // Platform (the Platform admin's pages) manages resellers and may use the Resellers feature; the reseller portal
        // shows a reseller its own data, and what it asks of the Platform admin goes through ICommissionPayouts.
        AssertNone(Uses(Namespace(typeof(ResellerPortal)), Namespace(typeof(PlatformResellers))));
    }

    [Fact]
    public void The_scan_sees_references_that_are_only_in_method_bodies()
    {
        // Without these the tests above could pass by seeing nothing: a static call, and a generic method's argument.
        Assert.Contains(typeof(TicketsModule), TypeDependencies.Of(typeof(FeatureModules)));
        Assert.Contains(typeof(TicketService), TypeDependencies.Of(typeof(TicketsModule)));
        // A lambda's body is compiled into a nested type, which the scan reads as part of the type that wrote it.
        Assert.Contains(WebTypes, t => t.DeclaringType == typeof(TicketsModule) && TypeDependencies.Of(t).Contains(typeof(TicketSearch)));
        Assert.Contains(typeof(RecordedJob), TypeDependencies.Of(typeof(JobsServiceCollectionExtensions)));
    }

    private static string Namespace(Type type) => type.Namespace!;

    private static void AssertNone(List<string> uses) =>
        Assert.True(uses.Count == 0, $"{uses.Count} forbidden reference(s):\n{string.Join("\n", uses)}");

    /// <summary>"A uses B" for each type in namespace <paramref name="from"/> (or below) that uses one in <paramref name="to"/>.</summary>
    private static List<string> Uses(string from, string to) =>
        WebTypes.Where(t => InNamespace(t, from))
            .SelectMany(t => TypeDependencies.Of(t).Where(d => InNamespace(d, to)).Select(d => $"{t.FullName} uses {d.FullName}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool InNamespace(Type type, string name) =>
        type.Namespace is { } ns && (ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal));
}

/// <summary>
/// Every type a type uses: its base type, interfaces and attributes; its fields, properties, events, constructors and
/// methods (parameters, return types, generic arguments and constraints, local variables); and every type, method and
/// field its IL names. Generic arguments, arrays and by-ref types are unwrapped. Compiler-generated nested types
/// (lambdas, async state machines) are types of their own, nested in the one that wrote them, with its namespace.
/// </summary>
internal static class TypeDependencies
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly OpCode[] OneByte = new OpCode[0x100], TwoByte = new OpCode[0x100];

    static TypeDependencies()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode code) continue;
            var value = (ushort)code.Value;
            if (value < 0x100) OneByte[value] = code;
            else TwoByte[value & 0xFF] = code;
        }
    }

    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t) => Unwrap(t, found);

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        if (type.IsGenericTypeDefinition) foreach (var p in type.GetGenericArguments()) AddConstraints(p, found);
        AddAttributes(type.CustomAttributes, found);
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
            AddAttributes(field.CustomAttributes, found);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
            AddAttributes(property.CustomAttributes, found);
        }
        foreach (var e in type.GetEvents(Declared)) Add(e.EventHandlerType);
        foreach (var method in type.GetConstructors(Declared).Cast<MethodBase>().Concat(type.GetMethods(Declared)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
            if (method.IsGenericMethodDefinition) foreach (var p in method.GetGenericArguments()) AddConstraints(p, found);
            AddAttributes(method.CustomAttributes, found);
            AddBody(method, found);
        }
        found.Remove(type);
        return found;
    }

    private static void AddBody(MethodBase method, HashSet<Type> found)
    {
        var body = method.GetMethodBody();
        if (body is null) return;
        foreach (var local in body.LocalVariables) Unwrap(local.LocalType, found);
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? TwoByte[il[at + 1]] : OneByte[il[at]];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    AddMember(method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments), found);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4, // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
    };

    private static void AddMember(MemberInfo? member, HashSet<Type> found)
    {
        switch (member)
        {
            case Type type:
                Unwrap(type, found);
                break;
            case FieldInfo field:
                Unwrap(field.DeclaringType, found);
                Unwrap(field.FieldType, found);
                break;
            case MethodBase method:
                Unwrap(method.DeclaringType, found);
                if (method is MethodInfo info) Unwrap(info.ReturnType, found);
                foreach (var parameter in method.GetParameters()) Unwrap(parameter.ParameterType, found);
                if (method.IsGenericMethod) foreach (var argument in method.GetGenericArguments()) Unwrap(argument, found);
                break;
        }
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, HashSet<Type> found)
    {
        foreach (var attribute in attributes)
        {
            Unwrap(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                if (argument.Value is Type type) Unwrap(type, found);
        }
    }

    private static void AddConstraints(Type parameter, HashSet<Type> found)
    {
        foreach (var constraint in parameter.GetGenericParameterConstraints()) Unwrap(constraint, found);
    }

    /// <summary>Adds <paramref name="type"/> and what it is made of: its element type, generic arguments and the types it is nested in.</summary>
    private static void Unwrap(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType)
        {
            Unwrap(type.GetElementType(), found);
            return;
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments()) Unwrap(argument, found);
            type = type.GetGenericTypeDefinition();
        }
        if (!found.Add(type)) return;
        Unwrap(type.DeclaringType, found);
    }
}
