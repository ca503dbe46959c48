package dev.scimgateway.adapter.api;

/** The attribute operators of RFC 7644 §3.4.2.2. */
public enum FilterOperator { EQ, NE, CO, SW, EW, GT, GE, LT, LE, PR }
