"""SCIM 2.0 provisioning (RFC 7643/7644): the identity provider creates, changes and
removes people and groups. Resources, filters, patches and discovery documents are
scim2-models objects, never hand-written schemas."""
