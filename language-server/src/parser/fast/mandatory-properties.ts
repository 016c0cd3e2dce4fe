import type { AstReflection, PropertyType } from 'langium';

/** Per AST type: its properties with a default value, in the order of its metadata. */
const defaultsByType = new WeakMap<AstReflection, Map<string, readonly (readonly [string, PropertyType])[]>>();

/**
 * The properties of `type` that Langium's parser gives their default value when the text does not
 * (assignMandatoryProperties), read from the metadata once per type rather than for every node.
 */
export function defaultsOf(reflection: AstReflection, type: string): readonly (readonly [string, PropertyType])[] {
    let byType = defaultsByType.get(reflection);
    if (!byType) defaultsByType.set(reflection, byType = new Map());
    let defaults = byType.get(type);
    if (!defaults) {
        defaults = Object.values(reflection.getTypeMetaData(type).properties).flatMap(property => property.defaultValue === undefined ? [] : [[property.name, property.defaultValue] as const]);
        byType.set(type, defaults);
    }
    return defaults;
}

/** A fresh copy of a default value, as Langium makes one for each node (a list is never shared). */
export function copyDefault(value: PropertyType): PropertyType {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}
