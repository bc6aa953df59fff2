import type { GraphQLScalarType } from 'graphql';
import type { NodeResolvers, Resolvers, ResolversParentTypes } from '../__generated__/resolvers-types';

/**
 * Resolver map types stricter than codegen's (where every resolver is optional): a field
 * needs a resolver unless the parent object (the mapper: a Drizzle row or a model) already
 * holds a value of the right type under its name. A missing resolver fails `tsc`, as with
 * The Guild's server preset. Ids are a case in point: a row's `id` is a uuid string, the
 * schema's `ID` output is a GlobalId, so every type must encode its id.
 */

type ObjectTypeName = Exclude<keyof Resolvers & keyof ResolversParentTypes, 'DateTime' | 'Node'>;
type FieldResolvers<Name extends ObjectTypeName> = NonNullable<Resolvers[Name]>;

/** What a field resolver must produce (its resolved, not promised, value). */
type FieldResult<Resolver> = Awaited<ReturnType<Extract<NonNullable<Resolver>, (...args: never[]) => unknown>>>;

/** GraphQL reads a missing value of a nullable field as null. */
type Accepted<Result> = Result | (null extends Result ? undefined : never);

type ParentAnswers<Parent, Field extends PropertyKey, Result> =
  // Query and Mutation have no parent object: an index signature answers nothing.
  string extends keyof Parent ? false : Field extends keyof Parent ? (Parent[Field] extends Accepted<Result> ? true : false) : false;

type FieldsNeedingResolvers<Name extends ObjectTypeName> = {
  [Field in keyof FieldResolvers<Name>]-?: Field extends `__${string}`
    ? never
    : ParentAnswers<ResolversParentTypes[Name], Field, FieldResult<FieldResolvers<Name>[Field]>> extends true
      ? never
      : Field;
}[keyof FieldResolvers<Name>];

/** One type's resolvers, with those its parent object cannot answer required. */
export type TypeResolvers<Name extends ObjectTypeName> = FieldResolvers<Name> & Required<Pick<FieldResolvers<Name>, FieldsNeedingResolvers<Name>>>;

type TypesNeedingResolvers = {
  [Name in ObjectTypeName]: [FieldsNeedingResolvers<Name>] extends [never] ? never : Name;
}[ObjectTypeName];

/** The whole map: every type with a field its parent cannot answer must be present and complete. */
export type SchemaResolvers = Resolvers & { [Name in TypesNeedingResolvers]-?: TypeResolvers<Name> } & {
  DateTime: GraphQLScalarType;
  Node: NodeResolvers;
};
