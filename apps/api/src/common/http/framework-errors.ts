import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, type ApiErrorBody } from '@cordon/contracts';

/**
 * Requests Fastify refuses before any route runs (so before Nest's exception filter): a path with a broken
 * percent-encoding (400) or a path parameter longer than maxParamLength (414). Answered in the error shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const statusCode = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const requestId = String(request.id);
  const body: ApiErrorBody = { statusCode, code: ErrorCode.VALIDATION_FAILED, message: statusCode === 414 ? 'A part of the URL is too long' : 'The URL is not valid', requestId };
  void reply.code(statusCode).header('X-Request-Id', requestId).type('application/json; charset=utf-8').send(body);
}

/**
 * Requests Node's HTTP parser refuses (a request head over 16 KiB, malformed HTTP, a head that arrives too
 * slowly): answered in the error shape on the socket, then the connection is closed, as Fastify does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const statusCode = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const requestId = randomUUID();
  const message = statusCode === 431 ? 'The request headers are too large' : statusCode === 408 ? 'The request took too long to arrive' : 'Malformed HTTP request';
  const body = JSON.stringify({ statusCode, code: ErrorCode.VALIDATION_FAILED, message, requestId } satisfies ApiErrorBody);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
