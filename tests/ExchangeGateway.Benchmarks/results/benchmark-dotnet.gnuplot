$d1024_direct << EOD
1 8448.749 0.197
16 35081.264 1.332
64 46466.729 3.563
EOD
$d1024_proxy_pair << EOD
1 2863.428 0.526
16 9267.517 3.681
64 11079.087 10.462
EOD
$d1024_relay_pair << EOD
1 2076.275 0.668
16 11774.372 2.674
64 13907.82 8.362
EOD
$d1024_gateway_pair << EOD
1 554.01 4.091
16 3110.695 10.224
64 4529.989 27.429
EOD
$d65536_direct << EOD
1 1892.386 1.021
16 3209.196 10.345
64 2891.357 33.013
EOD
$d65536_proxy_pair << EOD
1 835.198 1.934
16 1434.993 17.831
64 1686.329 63.75
EOD
$d65536_relay_pair << EOD
1 707.565 2.061
16 1378.613 17.949
64 1393.599 71.583
EOD
$d65536_gateway_pair << EOD
1 282.015 6.114
16 770.403 32.825
64 816.569 116.522
EOD
$d1048576_direct << EOD
1 165.671 14.538
16 169.489 167.687
64 192.503 588.359
EOD
$d1048576_proxy_pair << EOD
1 72.921 22.868
16 109.808 186.871
64 111.777 804.164
EOD
$d1048576_relay_pair << EOD
1 73.819 25.246
16 92.256 304.635
64 83.064 1173.428
EOD
$d1048576_gateway_pair << EOD
1 42.477 36.236
16 66.19 359.255
64 67.531 1893.68
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run9/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
